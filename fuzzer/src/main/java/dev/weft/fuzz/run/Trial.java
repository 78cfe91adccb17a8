package dev.weft.fuzz.run;

import dev.weft.fuzz.exec.BytecodeChecker;
import dev.weft.fuzz.exec.Executions;
import dev.weft.fuzz.exec.MemoryCompiler;
import dev.weft.fuzz.exec.Outcome;
import dev.weft.fuzz.exec.ProgramLoader;
import dev.weft.fuzz.exec.ReferenceRemapper;
import dev.weft.fuzz.gen.Program;
import dev.weft.fuzz.rt.Schedule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Judges programs: both executions, compared, plus the bytecode checks. */
public final class Trial {

    /** Package of the woven sources (anything the agent weaves) and of the reference sources. */
    public static final String WOVEN_PKG = "fz";
    public static final String REF_PKG = "fzr";
    public static final String RT_PKG = "dev.weft.fuzz.rt";

    /** Nanoseconds spent per phase, for the throughput report: javac, load+weave, runs, checks. */
    public final long[] phaseNanos = new long[4];

    private final MemoryCompiler compiler;
    private final BytecodeChecker checker;

    public Trial(MemoryCompiler compiler, BytecodeChecker checker) {
        this.compiler = compiler;
        this.checker = checker;
    }

    /** The d that the entry m0 is called with (2 or 3): recursion depth of the program. */
    public static int depth(Program p) {
        return 2 + (int) Math.floorMod(p.seed, 2L);
    }

    public static void addSources(Program p, Map<String, String> into) {
        into.put(WOVEN_PKG + "." + p.className, p.source(true, WOVEN_PKG, RT_PKG));
    }

    /** Compiles and judges programs in one javac task and two fresh loaders. */
    public List<Verdict> judgeAll(List<Program> programs) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (Program p : programs) {
            addSources(p, sources);
        }
        long t0 = System.nanoTime();
        MemoryCompiler.Result compiled = compiler.compile(sources);
        phaseNanos[0] += System.nanoTime() - t0;
        Map<String, byte[]> woven = new LinkedHashMap<>();
        Map<String, byte[]> ref = new LinkedHashMap<>();
        ReferenceRemapper remapper = new ReferenceRemapper(WOVEN_PKG, REF_PKG);
        compiled.classes.forEach((name, bytes) -> {
            woven.put(name, bytes);
            ref.put(remapper.mapBinary(name), remapper.remap(bytes));
        });
        ProgramLoader wl = new ProgramLoader(woven);
        ProgramLoader rl = new ProgramLoader(ref);
        List<Verdict> out = new java.util.ArrayList<>();
        for (Program p : programs) {
            String w = WOVEN_PKG + "." + p.className;
            String r = REF_PKG + "." + p.className;
            String err = compiled.errors.get(w);
            if (err != null) {
                out.add(new Verdict(Verdict.Kind.COMPILE_ERROR, err, null, null));
            } else {
                out.add(judge(p, wl, w, rl, r));
            }
        }
        return out;
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
        Outcome ref = Executions.reference(rc, d, s);
        if (ref.result.startsWith("harness") || ref.result.contains("reference future pending")
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
            return new Verdict(Verdict.Kind.MISMATCH, "woven " + wov + " | reference " + ref, wov, ref);
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
