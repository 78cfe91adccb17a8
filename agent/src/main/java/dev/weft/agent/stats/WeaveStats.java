package dev.weft.agent.stats;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Where the load-time weaver spends its time, per phase, behind {@code -Dweft.agent.stats=true}
 * (printed to stderr when the JVM exits). Off by default: the flag is read once, and every
 * counter call is then a test of a constant the JIT folds away. Meant for measuring start-up
 * (docs/design.md, "Start-up cost of load-time weaving"), not for production use. Times are the
 * weaving thread's CPU time (a busy machine disturbs them less than the wall clock;
 * java.management is loaded only with the flag on), so a phase that loads weaver classes
 * includes their loading.
 */
public final class WeaveStats {

    /** Phases, in pipeline order; {@link #TRANSFORM} spans a whole woven class's transform call. */
    public enum Phase {
        SCAN("scan (all classes)"),
        READ("read"),
        CHECK("check"),
        PREPARE("normalize+analyze+plan"),
        DIRECT("direct awaits"),
        EMIT("emit"),
        WRITE("write (frames)"),
        VERIFY("verify"),
        HIERARCHY("hierarchy reads"),
        TRANSFORM("transform (woven classes)"),
        FIRST("first woven class"),
        FRAMES("  of which framed methods");

        final String label;

        Phase(String label) {
            this.label = label;
        }
    }

    private static final Phase[] PHASES = Phase.values();

    public static final boolean ON = Boolean.getBoolean("weft.agent.stats");

    private static final java.lang.management.ThreadMXBean THREADS =
            ON ? java.lang.management.ManagementFactory.getThreadMXBean() : null;

    // Only when on: the first AtomicLongArray of a JVM initializes the VarHandle machinery, ~2 ms
    // of every start-up with the agent.
    private static final AtomicLongArray NANOS = ON ? new AtomicLongArray(PHASES.length) : null;
    private static final AtomicLongArray COUNTS = ON ? new AtomicLongArray(PHASES.length) : null;

    static {
        if (ON) {
            Runtime.getRuntime().addShutdownHook(new Thread(WeaveStats::print, "weft-agent-stats"));
        }
    }

    private WeaveStats() {}

    /** A start time for {@link #add}, or 0 when stats are off. */
    public static long start() {
        return ON ? THREADS.getCurrentThreadCpuTime() : 0L;
    }

    /** Adds the time since {@code start} to {@code phase}. */
    public static void add(Phase phase, long start) {
        if (ON) {
            if (phase == Phase.TRANSFORM && COUNTS.get(Phase.TRANSFORM.ordinal()) == 0) {
                NANOS.addAndGet(Phase.FIRST.ordinal(), THREADS.getCurrentThreadCpuTime() - start);
                COUNTS.incrementAndGet(Phase.FIRST.ordinal());
            }
            NANOS.addAndGet(phase.ordinal(), THREADS.getCurrentThreadCpuTime() - start);
            COUNTS.incrementAndGet(phase.ordinal());
        }
    }

    /**
     * Adds the time since {@code start} to {@code phase} and returns the start of the next one,
     * so that a driver times its stages in sequence with plain calls. A stage that throws is not
     * counted, as a class that fails to weave is not counted in {@link Phase#TRANSFORM} either.
     */
    public static long lap(Phase phase, long start) {
        if (!ON) {
            return 0L;
        }
        add(phase, start);
        return THREADS.getCurrentThreadCpuTime();
    }

    private static void print() {
        StringBuilder sb =
                new StringBuilder("[weft] agent stats (ms of the weaving thread's CPU / calls):\n");
        for (Phase p : PHASES) {
            sb.append(
                    String.format(
                            java.util.Locale.ROOT,
                            "[weft]   %-28s %9.2f ms %7d%n",
                            p.label,
                            NANOS.get(p.ordinal()) / 1e6,
                            COUNTS.get(p.ordinal())));
        }
        System.err.print(sb);
    }
}
