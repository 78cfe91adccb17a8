package dev.weft.fuzz.run;

import dev.weft.fuzz.exec.BytecodeChecker;
import dev.weft.fuzz.exec.Executions;
import dev.weft.fuzz.exec.MemoryCompiler;
import dev.weft.fuzz.exec.Outcome;
import dev.weft.fuzz.exec.ProgramLoader;
import dev.weft.fuzz.exec.ReferenceRemapper;
import dev.weft.fuzz.exec.UninitializedShuffle;
import dev.weft.fuzz.gen.Family;
import dev.weft.fuzz.gen.Program;
import dev.weft.fuzz.rt.Schedule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.LimitExceededException;
import org.objectweb.asm.MethodTooLargeException;

/** Judges programs: both executions, compared, plus the bytecode checks. */
public final class Trial {

    /** Package of the woven sources (anything the agent weaves) and of the reference sources. */
    public static final String WOVEN_PKG = "fz";

    public static final String REF_PKG = "fzr";
    public static final String RT_PKG = "dev.weft.fuzz.rt";

    /** Nanoseconds spent per phase, for the throughput report: javac, load+weave, runs, checks. */
    public final long[] phaseNanos = new long[4];

    /** Construction sites rewritten by the UNINIT post-pass so far (for the campaign report). */
    public long shuffledSites;

    private final MemoryCompiler compiler;

    /** Compilers for {@code --release} above 17, made on first use. */
    private final Map<Integer, MemoryCompiler> compilers = new java.util.HashMap<>();

    private final UninitializedShuffle shuffler = new UninitializedShuffle();
    private final BytecodeChecker checker;

    /** javac's bytes of one class to its reference form ({@link ReferenceRemapper}). */
    private final UnaryOperator<byte[]> toReference;

    public Trial(MemoryCompiler compiler, BytecodeChecker checker) {
        this(compiler, checker, new ReferenceRemapper(WOVEN_PKG, REF_PKG)::remap);
    }

    /** With another reference form: tests make it fail. */
    public Trial(
            MemoryCompiler compiler, BytecodeChecker checker, UnaryOperator<byte[]> toReference) {
        this.compiler = compiler;
        this.checker = checker;
        this.toReference = toReference;
    }

    /**
     * Whether {@code e}, thrown while the fuzzer rewrote javac's output, is a class-file limit the
     * generator reached (a huge generated method) rather than a bug of the fuzzer.
     */
    static boolean isLimit(Throwable e) {
        return e instanceof LimitExceededException
                || e instanceof MethodTooLargeException
                || e instanceof ClassTooLargeException;
    }

    /** javac's errors for a source past a class-file limit. */
    static boolean isLimit(String javacError) {
        return javacError.contains("code too large")
                || javacError.contains("too many constants")
                || javacError.contains("constant string too long");
    }

    /** The d that the entry m0 is called with (2 or 3): recursion depth of the program. */
    public static int depth(Program p) {
        return 2 + (int) Math.floorMod(p.seed, 2L);
    }

    public static void addSources(Program p, Map<String, String> into) {
        into.put(WOVEN_PKG + "." + p.className, p.source(true, WOVEN_PKG, RT_PKG));
    }

    /** Percentage of construction sites the UNINIT family's post-pass rewrites. */
    private static final int SHUFFLE_PCT = 70;

    /** Compiles and judges programs in one javac task per release and two fresh loaders. */
    public List<Verdict> judgeAll(List<Program> programs) {
        Map<Integer, Map<String, String>> byRelease = new java.util.TreeMap<>();
        for (Program p : programs) {
            addSources(p, byRelease.computeIfAbsent(p.family.release, k -> new LinkedHashMap<>()));
        }
        long t0 = System.nanoTime();
        MemoryCompiler.Result compiled = new MemoryCompiler.Result();
        for (Map.Entry<Integer, Map<String, String>> e : byRelease.entrySet()) {
            MemoryCompiler.Result one = compilerFor(e.getKey()).compile(e.getValue());
            compiled.classes.putAll(one.classes);
            compiled.errors.putAll(one.errors);
        }
        phaseNanos[0] += System.nanoTime() - t0;
        // a program whose classes the fuzzer cannot rewrite is judged alone, never the batch
        Map<Program, Verdict> unjudged = new java.util.HashMap<>();
        shuffle(programs, compiled.classes, unjudged);
        Map<String, byte[]> woven = new LinkedHashMap<>();
        Map<String, byte[]> ref = new LinkedHashMap<>();
        ReferenceRemapper names = new ReferenceRemapper(WOVEN_PKG, REF_PKG);
        compiled.classes.forEach(
                (name, bytes) -> {
                    try {
                        ref.put(names.mapBinary(name), toReference.apply(bytes));
                        woven.put(name, bytes);
                    } catch (RuntimeException e) {
                        Program p = owner(programs, name);
                        if (p != null) {
                            unjudged.putIfAbsent(p, rewriteFailed("reference form", name, e));
                        } else {
                            throw e;
                        }
                    }
                });
        ProgramLoader wl = new ProgramLoader(woven, checker);
        ProgramLoader rl = new ProgramLoader(ref);
        List<Verdict> out = new java.util.ArrayList<>();
        for (Program p : programs) {
            String w = WOVEN_PKG + "." + p.className;
            String r = REF_PKG + "." + p.className;
            String err = compiled.errors.get(w);
            if (err != null) {
                out.add(
                        new Verdict(
                                isLimit(err) ? Verdict.Kind.SKIPPED : Verdict.Kind.COMPILE_ERROR,
                                err,
                                null,
                                null));
            } else if (unjudged.containsKey(p)) {
                out.add(unjudged.get(p));
            } else {
                out.add(judge(p, wl, w, rl, r));
            }
        }
        return out;
    }

    /** SKIPPED for a class-file limit, else HARNESS: the fuzzer's own rewriting failed. */
    private static Verdict rewriteFailed(String stage, String className, RuntimeException e) {
        return new Verdict(
                isLimit(e) ? Verdict.Kind.SKIPPED : Verdict.Kind.HARNESS,
                (isLimit(e) ? "generator limit: " : "") + stage + " of " + className + ": " + e,
                null,
                null);
    }

    private static Program owner(List<Program> programs, String binaryName) {
        for (Program p : programs) {
            if (belongsTo(binaryName, p)) {
                return p;
            }
        }
        return null;
    }

    private MemoryCompiler compilerFor(int release) {
        return release <= 17 ? compiler : compilers.computeIfAbsent(release, MemoryCompiler::new);
    }

    /** The UNINIT family's post-pass on javac's output, before the reference is derived from it. */
    private void shuffle(
            List<Program> programs, Map<String, byte[]> classes, Map<Program, Verdict> unjudged) {
        for (Program p : programs) {
            if (p.family != Family.UNINIT) {
                continue;
            }
            int sites = 0;
            for (Map.Entry<String, byte[]> e : classes.entrySet()) {
                if (belongsTo(e.getKey(), p)) {
                    try {
                        e.setValue(shuffler.apply(e.getValue(), p.seed, SHUFFLE_PCT));
                    } catch (RuntimeException x) {
                        unjudged.putIfAbsent(p, rewriteFailed("post-pass", e.getKey(), x));
                        continue;
                    }
                    sites += shuffler.rewritten;
                }
            }
            shuffledSites += sites;
        }
    }

    private static boolean belongsTo(String binaryName, Program p) {
        String cls = WOVEN_PKG + "." + p.className;
        return binaryName.equals(cls)
                || binaryName.startsWith(cls + "$")
                || binaryName.equals(WOVEN_PKG + ".I" + p.className);
    }

    public Verdict judge(Program p) {
        return judgeAll(List.of(p)).get(0);
    }

    private Verdict judge(Program p, ProgramLoader wl, String w, ProgramLoader rl, String r) {
        Schedule s = Schedule.forSeed(p.seed);
        int d = depth(p);
        Class<?> wc;
        Class<?> rc;
        try {
            rc = Class.forName(r, true, rl);
        } catch (ClassNotFoundException | LinkageError e) {
            return new Verdict(Verdict.Kind.HARNESS, "reference class: " + e, null, null);
        }
        if (p.family == Family.UNINIT) {
            // the post-pass must keep the program valid: CheckClassAdapter here, HotSpot's
            // verifier when the reference classes loaded above
            List<String> problems = new java.util.ArrayList<>();
            for (String name : rl.names()) {
                if (belongsTo(name.replaceFirst("^" + REF_PKG + "\\.", WOVEN_PKG + "."), p)) {
                    problems.addAll(BytecodeChecker.verify(name, rl.original(name), rl));
                }
            }
            if (!problems.isEmpty()) {
                return new Verdict(
                        Verdict.Kind.HARNESS,
                        "post-pass output rejected: " + String.join("\n", problems),
                        null,
                        null);
            }
        }
        Outcome ref = Executions.reference(rc, d, s);
        if (ref.result.startsWith("harness")
                || ref.result.contains("reference future pending")
                || ref.result.contains("reference stage pending")) {
            return new Verdict(Verdict.Kind.HARNESS, "reference: " + ref.result, null, ref);
        }
        long t1 = System.nanoTime();
        try {
            wc = Class.forName(w, true, wl);
        } catch (ClassNotFoundException e) {
            return new Verdict(Verdict.Kind.HARNESS, "woven class: " + e, null, null);
        } catch (LinkageError e) {
            return new Verdict(Verdict.Kind.VERIFY, "loading " + w + ": " + e, null, ref);
        }
        long t2 = System.nanoTime();
        phaseNanos[1] += t2 - t1;
        Outcome wov = Executions.woven(wc, d, s);
        long t3 = System.nanoTime();
        phaseNanos[2] += t3 - t2;
        if (wov.isVerifyError()) {
            return new Verdict(Verdict.Kind.VERIFY, wov.result, wov, ref);
        }
        if (!wov.sameAs(ref)) {
            return new Verdict(
                    Verdict.Kind.MISMATCH, "woven " + wov + " | reference " + ref, wov, ref);
        }
        if (checker != null) {
            List<String> problems = checker.check(wl, w);
            phaseNanos[3] += System.nanoTime() - t3;
            if (!problems.isEmpty()) {
                return new Verdict(Verdict.Kind.CHECK, String.join("\n", problems), wov, ref);
            }
        }
        return new Verdict(Verdict.Kind.PASS, "", wov, ref);
    }
}
