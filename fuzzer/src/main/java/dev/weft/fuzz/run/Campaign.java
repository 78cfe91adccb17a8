package dev.weft.fuzz.run;

import dev.weft.fuzz.exec.BytecodeChecker;
import dev.weft.fuzz.exec.MemoryCompiler;
import dev.weft.fuzz.gen.Family;
import dev.weft.fuzz.gen.Options;
import dev.weft.fuzz.gen.Program;
import dev.weft.fuzz.gen.ProgramGenerator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fuzzing campaign: {@code count} programs from a seed, judged in batches; failures are
 * counted, and the first few distinct ones shrunk and written as regression tests.
 *
 * <p>Program i of campaign seed s has seed {@code s * 1_000_000_000 + i}, so one failing
 * program is reproduced by its own seed alone ({@code scripts/fuzz 1 <program seed> --single}).
 */
public final class Campaign {

    /** Results of a campaign. */
    public static final class Stats {
        public final Map<Verdict.Kind, Integer> counts = new EnumMap<>(Verdict.Kind.class);

        /** Program seed to verdict, for every failure. */
        public final Map<Long, Verdict> failures = new LinkedHashMap<>();

        /** Verdict counts per family (a MIXED campaign runs several). */
        public final Map<Family, Map<Verdict.Kind, Integer>> byFamily = new EnumMap<>(Family.class);

        /** Construction sites rewritten by the UNINIT post-pass. */
        public long shuffledSites;

        public final List<Path> regressions = new ArrayList<>();
        public int programs;
        public long nanos;

        /** Where the time went. */
        public String phases = "";

        public int count(Verdict.Kind k) {
            return counts.getOrDefault(k, 0);
        }

        public double programsPerSecond() {
            return programs / (nanos / 1e9);
        }

        @Override
        public String toString() {
            return String.format(
                    "%d programs in %.1f s (%.1f programs/s, %.0f/min), %d skipped (generator"
                            + " limit): %s%s%s %s",
                    programs,
                    nanos / 1e9,
                    programsPerSecond(),
                    programsPerSecond() * 60,
                    count(Verdict.Kind.SKIPPED),
                    counts,
                    byFamily.size() > 1 ? " by family " + byFamily : "",
                    shuffledSites > 0 ? ", " + shuffledSites + " construction sites reshaped" : "",
                    phases);
        }
    }

    private final Options options;
    private final int batchSize;
    private final int maxShrinks;
    private final Path regressionDir;
    private final PrintStream log;

    /** Null: a fresh one per {@link #run}. */
    private final Trial trial;

    public Campaign(
            Options options, int batchSize, int maxShrinks, Path regressionDir, PrintStream log) {
        this(options, batchSize, maxShrinks, regressionDir, log, null);
    }

    /** A campaign judging with {@code trial} (tests give it one that fails). */
    public Campaign(
            Options options,
            int batchSize,
            int maxShrinks,
            Path regressionDir,
            PrintStream log,
            Trial trial) {
        this.options = options;
        this.batchSize = batchSize;
        this.maxShrinks = maxShrinks;
        this.regressionDir = regressionDir;
        this.log = log;
        this.trial = trial;
    }

    public static long programSeed(long campaignSeed, int i) {
        return campaignSeed * 1_000_000_000L + i;
    }

    public Stats run(long seed, int count) {
        return run(seed, count, false);
    }

    /** {@code single}: run exactly the program whose seed is {@code seed}. */
    public Stats run(long seed, int count, boolean single) {
        return run(seed, count, single, false);
    }

    /** {@code writeAll}: also write passing programs as regression tests (examples of the format). */
    public Stats run(long seed, int count, boolean single, boolean writeAll) {
        Stats st = new Stats();
        ProgramGenerator gen = new ProgramGenerator(options, Trial.WOVEN_PKG);
        Trial trial = this.trial;
        if (trial == null) {
            BytecodeChecker checker = BytecodeChecker.create();
            trial = new Trial(new MemoryCompiler(), checker);
            if (checker == null) {
                log.println("[fuzz] weaver classes not reachable: CheckClassAdapter pass disabled");
            }
        }
        List<String> shrunkKeys = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int start = 0; start < count; start += batchSize) {
            List<Program> batch = new ArrayList<>();
            for (int i = start; i < Math.min(count, start + batchSize); i++) {
                batch.add(gen.generate(single ? seed + i : programSeed(seed, i)));
            }
            List<Verdict> vs = judgeAll(trial, batch);
            for (int i = 0; i < batch.size(); i++) {
                Verdict v = vs.get(i);
                Program p = batch.get(i);
                st.counts.merge(v.kind, 1, Integer::sum);
                st.byFamily
                        .computeIfAbsent(p.family, f -> new EnumMap<>(Verdict.Kind.class))
                        .merge(v.kind, 1, Integer::sum);
                st.programs++;
                if (writeAll && !v.failed() && regressionDir != null) {
                    try {
                        st.regressions.addAll(RegressionWriter.write(regressionDir, p, v));
                    } catch (java.io.IOException e) {
                        log.println("[fuzz] cannot write regression test: " + e);
                    }
                }
                if (v.failed()) {
                    st.failures.put(p.seed, v);
                    log.println(
                            "[fuzz] program "
                                    + p.seed
                                    + " (family "
                                    + p.family
                                    + ") "
                                    + firstLines(v.toString(), 6));
                    String key = v.kind + ":" + firstLines(v.detail, 1);
                    if (v.kind != Verdict.Kind.COMPILE_ERROR
                            && shrunkKeys.size() < maxShrinks
                            && !shrunkKeys.contains(key)) {
                        shrunkKeys.add(key);
                        shrinkAndWrite(gen, trial, p, v, st);
                    }
                }
            }
            st.shuffledSites = trial.shuffledSites;
            if ((start / batchSize) % 20 == 19) {
                st.nanos = System.nanoTime() - t0;
                log.println("[fuzz] " + st);
            }
        }
        st.nanos = System.nanoTime() - t0;
        st.phases =
                String.format(
                        "javac %.1f s, load+weave %.1f s, woven runs %.1f s, checks %.1f s",
                        trial.phaseNanos[0] / 1e9,
                        trial.phaseNanos[1] / 1e9,
                        trial.phaseNanos[2] / 1e9,
                        trial.phaseNanos[3] / 1e9);
        return st;
    }

    /**
     * The batch's verdicts; if judging the batch throws, each program is judged alone and one
     * that still throws is a HARNESS failure of its own: no program ends the campaign.
     */
    private List<Verdict> judgeAll(Trial trial, List<Program> batch) {
        try {
            return trial.judgeAll(batch);
        } catch (RuntimeException e) {
            log.println("[fuzz] batch threw " + e + "; judging its programs one by one");
        }
        List<Verdict> vs = new ArrayList<>();
        for (Program p : batch) {
            try {
                vs.add(trial.judge(p));
            } catch (RuntimeException e) {
                vs.add(new Verdict(Verdict.Kind.HARNESS, "judging threw " + e, null, null));
            }
        }
        return vs;
    }

    private void shrinkAndWrite(ProgramGenerator gen, Trial trial, Program p, Verdict v, Stats st) {
        Program fresh = gen.generate(p.seed);
        Shrinker.Result r = new Shrinker(trial, 600).shrink(fresh, v.kind);
        log.println(
                "[fuzz] shrunk program "
                        + p.seed
                        + " in "
                        + r.attempts
                        + " attempts to:\n"
                        + fresh.source(true)
                        + "[fuzz] which gives "
                        + r.verdict);
        if (fresh.family == Family.JDK21 || fresh.family == Family.UNINIT) {
            // integration-tests compile with --release 17 and from source (no post-pass): the
            // shrunk
            // program above and its seed are the report
            log.println(
                    "[fuzz] no regression test written for family "
                            + fresh.family
                            + ": reproduce with scripts/fuzz 1 "
                            + fresh.seed
                            + " --single --family="
                            + fresh.family);
        } else if (regressionDir != null) {
            try {
                st.regressions.addAll(RegressionWriter.write(regressionDir, fresh, r.verdict));
            } catch (java.io.IOException e) {
                log.println("[fuzz] cannot write regression test: " + e);
            }
        }
    }

    static String firstLines(String s, int n) {
        String[] lines = s.split("\n");
        return String.join("\n", java.util.Arrays.copyOf(lines, Math.min(n, lines.length)));
    }
}
