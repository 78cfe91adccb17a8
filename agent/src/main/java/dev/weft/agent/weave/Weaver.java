package dev.weft.agent.weave;

import dev.weft.agent.analyze.SavedLocal;
import dev.weft.agent.analyze.SuspensionAnalysis;
import dev.weft.agent.check.BlockingCalls;
import dev.weft.agent.check.CoroutineKind;
import dev.weft.agent.check.DiscardedFutures;
import dev.weft.agent.check.MethodChecker;
import dev.weft.agent.check.Rejection;
import dev.weft.agent.check.SuspensionPoint;
import dev.weft.agent.check.UnweavableException;
import dev.weft.agent.check.Warning;
import dev.weft.agent.emit.BodyEmitter;
import dev.weft.agent.emit.CompanionEmbedder;
import dev.weft.agent.emit.CompanionEmitter;
import dev.weft.agent.emit.DirectEmitter;
import dev.weft.agent.emit.RejectionEmitter;
import dev.weft.agent.emit.StubEmitter;
import dev.weft.agent.emit.UnwritableMethodException;
import dev.weft.agent.emit.WovenClasses;
import dev.weft.agent.hierarchy.TypeHierarchy;
import dev.weft.agent.normalize.MayThrowArguments;
import dev.weft.agent.normalize.NewMover;
import dev.weft.agent.normalize.StackSpiller;
import dev.weft.agent.plan.CompanionLayout;
import dev.weft.agent.plan.DirectAwaits;
import dev.weft.agent.plan.LayoutPlanner;
import dev.weft.agent.read.ClassReading;
import dev.weft.agent.read.UnreadableClassException;
import dev.weft.agent.stats.WeaveStats;
import dev.weft.agent.stats.WeaveStats.Phase;
import dev.weft.agent.verify.WovenClassVerifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.bytebuddy.dynamic.ClassFileLocator;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/** scan (done by the caller) → read → check → normalize → analyze → plan → emit, for one class. */
public final class Weaver {

    private Weaver() {}

    /**
     * Weaves one class.
     *
     * @param locator reads the class files of the host's loader (the class hierarchy)
     * @return null if the class has no suspension points and no warnings (pass it through
     *     untouched); a result with {@code woven == false} if it has only warnings
     */
    public static WeaveResult weave(byte[] bytes, ClassFileLocator locator)
            throws UnreadableClassException {
        return weave(bytes, new TypeHierarchy(locator));
    }

    /** As {@link #weave(byte[], ClassFileLocator)}, over a (possibly shared, caching) hierarchy. */
    public static WeaveResult weave(byte[] bytes, TypeHierarchy hierarchy)
            throws UnreadableClassException {
        return weave(bytes, hierarchy, true);
    }

    /**
     * As {@link #weave(byte[], TypeHierarchy)}; with {@code selfVerify} false, the woven bodies are
     * not run through the weaver's own data-flow verifier (see docs/design.md, "Start-up cost of
     * load-time weaving": the load-time
     * default, where HotSpot verifies every defined class anyway). The bytes are the same either
     * way unless the verifier would have found a weaver bug, in which case the verifying weave
     * rejects the method and the unverified one is refused by HotSpot at link time.
     */
    public static WeaveResult weave(byte[] bytes, TypeHierarchy hierarchy, boolean selfVerify)
            throws UnreadableClassException {
        // Methods whose woven form failed (too large, or refused by the verify stage) are
        // rejected and the class is woven again from the original bytes. Every retry gives up
        // at least one more part of one method, so this ends.
        Map<Failure, String> failed = new LinkedHashMap<>();
        while (true) {
            Pass pass = new Pass(hierarchy, failed, selfVerify);
            WeaveResult result = pass.run(bytes);
            if (pass.failures.isEmpty()) {
                return result;
            }
            if (failed.keySet().containsAll(pass.failures.keySet())) {
                throw new IllegalStateException(
                        "weft: woven again without "
                                + failed.keySet()
                                + " and still failing: "
                                + pass.failures);
            }
            failed.putAll(pass.failures);
        }
    }

    /** Which part of a method's woven form failed, and so what the next pass does without. */
    enum Part {
        /** The method itself: the next pass rejects it. */
        METHOD,
        /** Its direct entry: the next pass gives it none, and its callers keep the lazy call. */
        DIRECT_ENTRY,
        /**
         * Its body, while it called direct entries: the next pass weaves it with plain awaits,
         * and only if that fails too is the method rejected.
         */
        DIRECT_CALLS,
        /**
         * Its body or direct entry went over the 64 KB code limit with awaits that enter fresh
         * state objects (the larger site, {@code BodyEmitter.pollAwaited}), or ASM could not write
         * the class with them (its long-jump pass, fuzz program Pllal60j): the next pass weaves it
         * with polls only. Any other failure of such a method keeps its own part.
         */
        ENTER_SITES
    }

    /** A failed part of one original method, named by name + descriptor. */
    record Failure(String method, Part part) {
        @Override
        public String toString() {
            return part == Part.METHOD ? method : method + " (" + part + ")";
        }
    }

    /** A method that passed the check, between normalization and emission. */
    private static final class Prepared {
        final MethodChecker.Verdict verdict;
        final String key;
        final int firstLine;
        CompanionLayout layout;
        Map<SuspensionPoint, DirectAwaits.Site> direct = Collections.emptyMap();

        Prepared(MethodChecker.Verdict verdict) {
            this.verdict = verdict;
            this.key = verdict.method.name + verdict.method.desc;
            this.firstLine = verdict.points.get(0).line;
        }
    }

    /**
     * The normalize stage, in place on {@code m}: drops may-throw argument moves, moves
     * {@code NEW} across suspensions and spills the operand stack below each await. Returns the
     * typed flow of the normalized method, which the analyze stage reuses: one typed analysis
     * serves both the spill and the saved locals unless the spill changed the method (the common
     * await leaves nothing below its argument).
     */
    static SuspensionAnalysis.Flow normalize(
            ClassNode cn, MethodNode m, List<SuspensionPoint> points, TypeHierarchy hierarchy)
            throws AnalyzerException {
        MayThrowArguments.drop(m, points);
        NewMover.moveAcrossSuspensions(cn.name, m, points);
        SuspensionAnalysis.Flow flow = SuspensionAnalysis.flow(cn, m, hierarchy);
        if (StackSpiller.spill(cn.name, m, points, flow.frames)) {
            flow = SuspensionAnalysis.flow(cn, m, hierarchy);
        }
        return flow;
    }

    /** One weaving pass over one class, without the parts that failed in earlier passes. */
    private static final class Pass {
        final TypeHierarchy hierarchy;
        final Map<Failure, String> failed;
        final boolean selfVerify;

        /** Why parts of this pass's woven form are unusable; non-empty means weave again. */
        final Map<Failure, String> failures = new LinkedHashMap<>();

        ClassNode cn;
        boolean isInterface;
        List<Warning> warnings;
        final List<Rejection> rejections = new ArrayList<>();
        final List<MethodReport> reports = new ArrayList<>();
        final Map<String, byte[]> companions = new LinkedHashMap<>();
        final List<MethodNode> bodies = new ArrayList<>();

        /** Each emitted method (name + descriptor) to the part that fails if it does not write or verify. */
        final Map<String, Failure> bodyToOriginal = new HashMap<>();

        /** The emitted methods (name + descriptor) written with entering await sites. */
        final Set<String> entering = new HashSet<>();

        final List<MethodNode> needFrames = new ArrayList<>();
        final Map<String, DirectAwaits.Target> targets = new LinkedHashMap<>();
        final Set<String> called = new HashSet<>();

        Pass(TypeHierarchy hierarchy, Map<Failure, String> failed, boolean selfVerify) {
            this.hierarchy = hierarchy;
            this.failed = failed;
            this.selfVerify = selfVerify;
        }

        /** The woven class; null with {@link #failures} set when the pass must be run again. */
        WeaveResult run(byte[] bytes) throws UnreadableClassException {
            // WeaveStats.lap closes one stage's time and starts the next: plain calls, not a
            // lambda per stage, whose bootstraps cost the first woven class of every JVM ~5 ms
            long t = WeaveStats.start();
            cn = ClassReading.read(bytes);
            t = WeaveStats.lap(Phase.READ, t);
            List<MethodChecker.Verdict> verdicts = check();
            t = WeaveStats.lap(Phase.CHECK, t);
            if (verdicts.isEmpty()) {
                return warnings.isEmpty()
                        ? null
                        : new WeaveResult(
                                bytes,
                                Collections.emptyMap(),
                                Collections.emptyList(),
                                Collections.emptyList(),
                                warnings,
                                false);
            }
            List<Prepared> prepared = prepare(verdicts);
            t = WeaveStats.lap(Phase.PREPARE, t);
            findDirectAwaits(prepared);
            t = WeaveStats.lap(Phase.DIRECT, t);
            if (!emit(prepared)) {
                return null;
            }
            t = WeaveStats.lap(Phase.EMIT, t);
            byte[] out = write();
            if (out == null) {
                return null;
            }
            t = WeaveStats.lap(Phase.WRITE, t);
            verify(out);
            WeaveStats.lap(Phase.VERIFY, t);
            return new WeaveResult(out, companions, rejections, reports, warnings, true);
        }

        /** The check stage: a verdict for every method that suspends. */
        private List<MethodChecker.Verdict> check() {
            isInterface = (cn.access & Opcodes.ACC_INTERFACE) != 0;
            hierarchy.declare(cn.name, cn.superName, cn.interfaces, isInterface);
            // before any stage changes a method: the warnings are about the user's code
            warnings = DiscardedFutures.find(cn);
            List<MethodChecker.Verdict> verdicts = new ArrayList<>();
            for (MethodNode m : cn.methods) {
                MethodChecker.Verdict v = MethodChecker.check(cn, m, hierarchy);
                if (v != null) {
                    verdicts.add(v);
                    if (v.rejection == null) {
                        warnings.addAll(BlockingCalls.find(cn, m)); // still the user's instructions
                    }
                }
            }
            return verdicts;
        }

        /** Emits the rejected methods; normalizes, analyzes and plans the others. */
        private List<Prepared> prepare(List<MethodChecker.Verdict> verdicts) {
            List<Prepared> prepared = new ArrayList<>();
            int ordinal = 0;
            for (MethodChecker.Verdict v : verdicts) {
                MethodNode m = v.method;
                if (v.rejection != null) {
                    rejections.add(v.rejection);
                    RejectionEmitter.emit(m, v.rejection, v.points);
                    if (m.name.equals("<clinit>")) {
                        needFrames.add(m); // the throwing call sites leave unreachable code behind
                    }
                    continue;
                }
                Prepared p = new Prepared(v);
                try {
                    Failure whole = new Failure(p.key, Part.METHOD);
                    if (failed.containsKey(whole)) {
                        throw new IllegalStateException(failed.get(whole));
                    }
                    SuspensionAnalysis.Flow flow = normalize(cn, m, v.points, hierarchy);
                    List<List<SavedLocal>> saved = SuspensionAnalysis.analyze(m, v.points, flow);
                    p.layout = LayoutPlanner.plan(cn, m, v.kind, ordinal++, v.points, saved);
                    prepared.add(p);
                } catch (Exception | LinkageError e) {
                    reject(p, e);
                }
            }
            return prepared;
        }

        /**
         * Direct awaits (docs/design.md, "Direct await of woven methods"): only between methods
         * that were prepared, so every callee named here gets its entry in this pass.
         */
        private Void findDirectAwaits(List<Prepared> prepared) {
            for (Prepared p : prepared) {
                if (p.verdict.kind == CoroutineKind.LAZY
                        && !failed.containsKey(new Failure(p.key, Part.DIRECT_ENTRY))) {
                    targets.put(
                            p.key,
                            new DirectAwaits.Target(
                                    p.verdict.method,
                                    p.layout.bodyName,
                                    CompanionEmitter.directDescriptor(cn.name, p.verdict.method)));
                }
            }
            for (Prepared p : prepared) {
                // an async generator is not a Coroutine, the root a direct entry hands off to
                if (p.verdict.kind == CoroutineKind.GENERATOR
                        || p.verdict.kind == CoroutineKind.ASYNC_GENERATOR
                        || failed.containsKey(new Failure(p.key, Part.DIRECT_CALLS))) {
                    continue;
                }
                try {
                    p.direct = DirectAwaits.find(cn, p.verdict.method, p.layout.points, targets);
                } catch (Exception e) {
                    continue; // not analyzable here: keep the lazy calls
                }
                for (DirectAwaits.Site site : p.direct.values()) {
                    called.add(site.callee.name + site.callee.desc);
                }
            }
            return null;
        }

        /** The emit stage for every prepared method; false when the pass must start over. */
        private boolean emit(List<Prepared> prepared) {
            for (Prepared p : prepared) {
                try {
                    emit(p);
                } catch (Exception | LinkageError e) {
                    if (called.contains(p.key) || !p.direct.isEmpty()) {
                        // other bodies of this pass call its entry, or it calls theirs: weave
                        // again with it rejected, so nothing refers to what is missing
                        failures.put(new Failure(p.key, Part.METHOD), why(e));
                        return false;
                    }
                    reject(p, e);
                }
            }
            cn.methods.addAll(bodies);
            CompanionEmbedder.embed(cn, new ArrayList<>(companions.values()));
            return true;
        }

        /** Companion, direct entry if called, body and stub of one method, and its report. */
        private void emit(Prepared p) {
            MethodNode m = p.verdict.method;
            CompanionLayout layout = p.layout;
            List<List<String>> names = MethodReport.namesOf(m, layout);
            byte[] companion = CompanionEmitter.emit(cn, m, layout);
            boolean enterSites = !failed.containsKey(new Failure(p.key, Part.ENTER_SITES));
            if (called.contains(p.key)) {
                DirectAwaits.Target t = targets.get(p.key);
                MethodNode entry =
                        DirectEmitter.emit(
                                cn.name, isInterface, m, layout, t.entryDesc, p.direct, enterSites);
                bodies.add(entry);
                bodyToOriginal.put(entry.name + entry.desc, new Failure(p.key, Part.DIRECT_ENTRY));
                if (enterSites) {
                    entering.add(entry.name + entry.desc);
                }
            }
            MethodNode body =
                    BodyEmitter.emit(cn.name, isInterface, m, layout, p.direct, enterSites);
            bodies.add(body);
            bodyToOriginal.put(
                    body.name + body.desc,
                    new Failure(p.key, p.direct.isEmpty() ? Part.METHOD : Part.DIRECT_CALLS));
            if (enterSites) {
                entering.add(body.name + body.desc);
            }
            if (StubEmitter.emit(cn, m, layout, WovenClasses.firstLine(body, p.firstLine), body)) {
                needFrames.add(m); // an eager stub starts its companion itself
                bodyToOriginal.put(m.name + m.desc, new Failure(p.key, Part.METHOD));
            }
            companions.put(layout.companionName, companion);
            Set<Integer> directStates = new TreeSet<>();
            for (int k = 0; k < layout.points.size(); k++) {
                if (p.direct.containsKey(layout.points.get(k))) {
                    directStates.add(k + 1);
                }
            }
            reports.add(
                    new MethodReport(
                            cn.name,
                            m.name,
                            m.desc,
                            p.verdict.kind,
                            layout,
                            names,
                            called.contains(p.key),
                            directStates));
        }

        /** The write stage (frames for the new bodies); null with {@link #failures} set if one cannot be written. */
        private byte[] write() {
            try {
                needFrames.addAll(bodies);
                return WovenClasses.write(cn, hierarchy, needFrames);
            } catch (UnwritableMethodException e) {
                if (e.methodName == null && !entering.isEmpty()) {
                    // Fuzz program Pllal60j: with entering await sites, a body past 32 KB made
                    // ASM's long-jump pass (ClassWriter.replaceAsmInstructions) read a jump target
                    // past the end of the method's code; the same methods woven with plain polls,
                    // the shape before those sites, write and verify. ASM does not name the
                    // method, so every method with entering sites is woven again without them.
                    for (String k : entering) {
                        failures.put(
                                new Failure(bodyToOriginal.get(k).method(), Part.ENTER_SITES),
                                e.getMessage());
                    }
                    return null;
                }
                String key = e.methodName + e.descriptor;
                Failure f = bodyToOriginal.get(key);
                if (f == null) {
                    throw e;
                }
                if (e.getCause() instanceof MethodTooLargeException && entering.contains(key)) {
                    f = new Failure(f.method(), Part.ENTER_SITES);
                }
                failures.put(widen(f), e.getMessage());
                return null;
            }
        }

        /** The verify stage: the weaver's own verifier over the new bodies, where it runs. */
        private Void verify(byte[] out) {
            Map<String, String> problems =
                    selfVerify
                            ? WovenClassVerifier.methodProblems(
                                    out, hierarchy, bodyToOriginal.keySet())
                            : Collections.<String, String>emptyMap();
            for (Map.Entry<String, String> p : problems.entrySet()) {
                failures.put(
                        widen(bodyToOriginal.get(p.getKey())),
                        "internal error, woven code does not verify: " + p.getValue());
            }
            return null;
        }

        /**
         * A body that failed while calling direct entries is first woven again with plain awaits;
         * if it failed that way already, the method itself is given up.
         */
        private Failure widen(Failure f) {
            return f.part() == Part.DIRECT_CALLS && failed.containsKey(f)
                    ? new Failure(f.method(), Part.METHOD)
                    : f;
        }

        private void reject(Prepared p, Throwable e) {
            int line =
                    e instanceof UnweavableException && ((UnweavableException) e).line >= 0
                            ? ((UnweavableException) e).line
                            : p.firstLine;
            Rejection r =
                    Rejection.of(
                            cn,
                            p.verdict.method,
                            line,
                            "weft: cannot weave this method (" + why(e) + ")");
            rejections.add(r);
            RejectionEmitter.emit(p.verdict.method, r, Collections.emptyList());
        }
    }

    private static String why(Throwable e) {
        return e instanceof IllegalStateException ? e.getMessage() : e.toString();
    }
}
