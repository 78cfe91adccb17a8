package dev.weft.agent.weave;

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
    public static final int SCAN = 0;
    public static final int READ = 1;
    public static final int CHECK = 2;
    public static final int PREPARE = 3;
    public static final int DIRECT = 4;
    public static final int EMIT = 5;
    public static final int WRITE = 6;
    public static final int VERIFY = 7;
    public static final int HIERARCHY = 8;
    public static final int TRANSFORM = 9;
    public static final int FIRST = 10;
    public static final int FRAMES = 11;

    private static final String[] NAMES = {
        "scan (all classes)", "read", "check", "normalize+analyze+plan", "direct awaits", "emit",
        "write (frames)", "verify", "hierarchy reads", "transform (woven classes)",
        "first woven class", "  of which framed methods"};

    public static final boolean ON = Boolean.getBoolean("weft.agent.stats");

    private static final java.lang.management.ThreadMXBean THREADS =
            ON ? java.lang.management.ManagementFactory.getThreadMXBean() : null;

    private static final AtomicLongArray NANOS = new AtomicLongArray(NAMES.length);
    private static final AtomicLongArray COUNTS = new AtomicLongArray(NAMES.length);

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
    public static void add(int phase, long start) {
        if (ON) {
            if (phase == TRANSFORM && COUNTS.get(TRANSFORM) == 0) {
                NANOS.addAndGet(FIRST, THREADS.getCurrentThreadCpuTime() - start);
                COUNTS.incrementAndGet(FIRST);
            }
            NANOS.addAndGet(phase, THREADS.getCurrentThreadCpuTime() - start);
            COUNTS.incrementAndGet(phase);
        }
    }

    private static void print() {
        StringBuilder sb = new StringBuilder("[weft] agent stats (ms of the weaving thread's CPU / calls):\n");
        for (int i = 0; i < NAMES.length; i++) {
            sb.append(String.format(java.util.Locale.ROOT, "[weft]   %-28s %9.2f ms %7d%n",
                    NAMES[i], NANOS.get(i) / 1e6, COUNTS.get(i)));
        }
        System.err.print(sb);
    }
}
