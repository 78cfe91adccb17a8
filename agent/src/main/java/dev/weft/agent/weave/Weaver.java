package dev.weft.agent.weave;

import dev.weft.agent.analyze.SavedLocal;
import dev.weft.agent.analyze.SuspensionAnalysis;
import dev.weft.agent.analyze.TypeHierarchy;
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
import dev.weft.agent.emit.HierarchyClassWriter;
import dev.weft.agent.emit.RejectionEmitter;
import dev.weft.agent.emit.StubEmitter;
import dev.weft.agent.emit.UnwritableMethodException;
import dev.weft.agent.emit.WovenClasses;
import dev.weft.agent.normalize.MayThrowArguments;
import dev.weft.agent.normalize.NewMover;
import dev.weft.agent.normalize.StackSpiller;
import dev.weft.agent.plan.CompanionLayout;
import dev.weft.agent.plan.DirectAwaits;
import dev.weft.agent.plan.LayoutPlanner;
import dev.weft.agent.read.ClassReading;
import dev.weft.agent.read.UnreadableClassException;
import dev.weft.agent.verify.WovenClassVerifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.dynamic.ClassFileLocator;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

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
    public static WeaveResult weave(byte[] bytes, ClassFileLocator locator) throws UnreadableClassException {
        return weave(bytes, new TypeHierarchy(locator));
    }

    /** As {@link #weave(byte[], ClassFileLocator)}, over a (possibly shared, caching) hierarchy. */
    public static WeaveResult weave(byte[] bytes, TypeHierarchy hierarchy) throws UnreadableClassException {
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
        // rejected by name + descriptor and the class is woven again from the original bytes.
        // Every retry rejects at least one more method, so this ends.
        Map<String, String> failed = new LinkedHashMap<>();
        while (true) {
            Attempt a = attempt(bytes, hierarchy, failed, selfVerify);
            if (a == null || a.failures.isEmpty()) {
                return a == null ? null : a.result;
            }
            if (failed.keySet().containsAll(a.failures.keySet())) {
                throw new IllegalStateException("weft: woven again without " + failed.keySet()
                        + " and still failing: " + a.failures);
            }
            failed.putAll(a.failures);
        }
    }

    /** One weaving pass; {@code failures} maps original methods to why their woven form is unusable. */
    private static final class Attempt {
        WeaveResult result;
        final Map<String, String> failures = new LinkedHashMap<>();
    }

    /**
     * Keys of {@code failed} besides a method's own name + descriptor: {@code DIRECT + key}, its
     * direct entry failed (callers keep the lazy call); {@code SITES + key}, its body failed while
     * calling direct entries (woven again with plain awaits before the method itself is rejected).
     */
    private static final String DIRECT = "direct ";
    private static final String SITES = "sites ";

    /** A failed direct entry or direct-calling body costs only the fast path; the method stays woven. */
    private static String failureKey(String original, Map<String, String> failed) {
        if (original.startsWith(DIRECT)) {
            return original;
        }
        if (original.startsWith(SITES)) {
            return failed.containsKey(original) ? original.substring(SITES.length()) : original;
        }
        return original;
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

    private static void reject(ClassNode cn, Prepared p, Throwable e, List<Rejection> rejections) {
        String why = e instanceof IllegalStateException ? e.getMessage() : e.toString();
        int line = e instanceof UnweavableException && ((UnweavableException) e).line >= 0
                ? ((UnweavableException) e).line : p.firstLine;
        Rejection r = Rejection.of(cn, p.verdict.method, line, "weft: cannot weave this method (" + why + ")");
        rejections.add(r);
        RejectionEmitter.emit(p.verdict.method, r, Collections.emptyList());
    }

    private static Attempt attempt(byte[] bytes, TypeHierarchy hierarchy, Map<String, String> failed,
            boolean selfVerify) throws UnreadableClassException {
        long ts = WeaveStats.start();
        ClassNode cn = ClassReading.read(bytes);
        WeaveStats.add(WeaveStats.READ, ts);
        ts = WeaveStats.start();
        boolean isInterface = (cn.access & Opcodes.ACC_INTERFACE) != 0;
        hierarchy.declare(cn.name, cn.superName, cn.interfaces, isInterface);

        // before any stage changes a method: the warnings are about the user's code
        List<Warning> warnings = DiscardedFutures.find(cn);
        List<MethodChecker.Verdict> verdicts = new ArrayList<>();
        for (MethodNode m : cn.methods) {
            MethodChecker.Verdict v = MethodChecker.check(cn, m, hierarchy);
            if (v != null) {
                verdicts.add(v);
            }
        }
        WeaveStats.add(WeaveStats.CHECK, ts);
        if (verdicts.isEmpty()) {
            if (warnings.isEmpty()) {
                return null;
            }
            Attempt a = new Attempt();
            a.result = new WeaveResult(bytes, Collections.emptyMap(), Collections.emptyList(),
                    Collections.emptyList(), warnings, false);
            return a;
        }
        ts = WeaveStats.start();
        List<Rejection> rejections = new ArrayList<>();
        List<MethodReport> reports = new ArrayList<>();
        Map<String, byte[]> companions = new LinkedHashMap<>();
        List<MethodNode> bodies = new ArrayList<>();
        Map<String, String> bodyToOriginal = new HashMap<>();
        List<MethodNode> needFrames = new ArrayList<>();
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
                if (failed.containsKey(p.key)) {
                    throw new IllegalStateException(failed.get(p.key));
                }
                MayThrowArguments.drop(m, v.points);
                NewMover.moveAcrossSuspensions(cn.name, m, v.points);
                // one typed analysis serves both the spill and the saved locals unless the spill
                // changed the method (the common await leaves nothing below its argument)
                SuspensionAnalysis.Flow flow = SuspensionAnalysis.flow(cn, m, hierarchy);
                if (StackSpiller.spill(cn.name, m, v.points, flow.frames)) {
                    flow = SuspensionAnalysis.flow(cn, m, hierarchy);
                }
                List<List<SavedLocal>> saved = SuspensionAnalysis.analyze(m, v.points, flow);
                p.layout = LayoutPlanner.plan(cn, m, v.kind, ordinal++, v.points, saved);
                prepared.add(p);
            } catch (Exception | LinkageError e) {
                reject(cn, p, e, rejections);
            }
        }

        // Direct awaits (docs/design.md, "Direct await of woven methods"): only between methods
        // that reached this point, so every callee named below gets its entry in this pass.
        WeaveStats.add(WeaveStats.PREPARE, ts);
        ts = WeaveStats.start();
        Map<String, DirectAwaits.Target> targets = new LinkedHashMap<>();
        for (Prepared p : prepared) {
            if (p.verdict.kind == CoroutineKind.LAZY && !failed.containsKey(DIRECT + p.key)) {
                targets.put(p.key, new DirectAwaits.Target(p.verdict.method, p.layout.bodyName,
                        CompanionEmitter.directDescriptor(cn.name, p.verdict.method)));
            }
        }
        Set<String> called = new HashSet<>();
        for (Prepared p : prepared) {
            if (p.verdict.kind == CoroutineKind.GENERATOR || failed.containsKey(SITES + p.key)) {
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

        WeaveStats.add(WeaveStats.DIRECT, ts);
        ts = WeaveStats.start();
        for (Prepared p : prepared) {
            MethodNode m = p.verdict.method;
            CompanionLayout layout = p.layout;
            try {
                List<List<String>> names = MethodReport.namesOf(m, layout);
                byte[] companion = CompanionEmitter.emit(cn, m, layout);
                if (called.contains(p.key)) {
                    DirectAwaits.Target t = targets.get(p.key);
                    MethodNode entry = DirectEmitter.emit(cn.name, isInterface, m, layout, t.entryDesc, p.direct);
                    bodies.add(entry);
                    bodyToOriginal.put(entry.name + entry.desc, DIRECT + p.key);
                }
                MethodNode body = BodyEmitter.emit(cn.name, isInterface, m, layout, p.direct);
                bodies.add(body);
                bodyToOriginal.put(body.name + body.desc, p.direct.isEmpty() ? p.key : SITES + p.key);
                StubEmitter.emit(cn, m, layout, WovenClasses.firstLine(body, p.firstLine));
                companions.put(layout.companionName, companion);
                Set<Integer> directStates = new java.util.TreeSet<>();
                for (int k = 0; k < layout.points.size(); k++) {
                    if (p.direct.containsKey(layout.points.get(k))) {
                        directStates.add(k + 1);
                    }
                }
                reports.add(new MethodReport(cn.name, m.name, m.desc, p.verdict.kind, layout, names,
                        called.contains(p.key), directStates));
            } catch (Exception | LinkageError e) {
                if (called.contains(p.key) || !p.direct.isEmpty()) {
                    // other bodies of this pass call its entry, or it calls theirs: weave again
                    // with it rejected, so nothing refers to what is missing
                    Attempt a = new Attempt();
                    a.failures.put(p.key, e instanceof IllegalStateException ? e.getMessage() : e.toString());
                    return a;
                }
                reject(cn, p, e, rejections);
            }
        }
        cn.methods.addAll(bodies);
        CompanionEmbedder.embed(cn, new ArrayList<>(companions.values()));
        WeaveStats.add(WeaveStats.EMIT, ts);
        ts = WeaveStats.start();
        Attempt a = new Attempt();
        byte[] out;
        try {
            needFrames.addAll(bodies);
            out = WovenClasses.write(cn, hierarchy, needFrames);
        } catch (UnwritableMethodException e) {
            String original = bodyToOriginal.get(e.methodName + e.descriptor);
            if (original == null) {
                throw e;
            }
            a.failures.put(failureKey(original, failed), e.getMessage());
            return a;
        }
        WeaveStats.add(WeaveStats.WRITE, ts);
        ts = WeaveStats.start();
        Map<String, String> problems = selfVerify
                ? WovenClassVerifier.methodProblems(out, hierarchy, bodyToOriginal.keySet())
                : Collections.<String, String>emptyMap();
        for (Map.Entry<String, String> p : problems.entrySet()) {
            a.failures.put(failureKey(bodyToOriginal.get(p.getKey()), failed),
                    "internal error, woven code does not verify: " + p.getValue());
        }
        WeaveStats.add(WeaveStats.VERIFY, ts);
        a.result = new WeaveResult(out, companions, rejections, reports, warnings, true);
        return a;
    }
}
