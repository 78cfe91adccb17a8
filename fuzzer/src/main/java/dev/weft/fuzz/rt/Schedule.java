package dev.weft.fuzz.rt;

/**
 * How the n-th leaf of a run behaves: ready, pending for some polls then ready, or failing
 * (possibly after pending). A pure function of (seed, n), so the reference execution, which
 * creates the same leaves in the same order, sees the same values and failures.
 */
public final class Schedule {

    /** Percentages of leaves that are pending at least once and that fail; the rest are ready. */
    private final int pendingPct;

    private final int failPct;
    private final long seed;

    public Schedule(long seed, int pendingPct, int failPct) {
        this.seed = seed;
        this.pendingPct = pendingPct;
        this.failPct = failPct;
    }

    /** A profile chosen from the seed: all ready, all pending, or mixed with failures. */
    public static Schedule forSeed(long seed) {
        switch ((int) Math.floorMod(mix(seed, -1), 5L)) {
            case 0:
                return new Schedule(seed, 0, 0);
            case 1:
                return new Schedule(seed, 100, 0);
            case 2:
                return new Schedule(seed, 50, 5);
            case 3:
                return new Schedule(seed, 30, 15);
            default:
                return new Schedule(seed, 70, 3);
        }
    }

    /** Number of pending polls before the outcome of leaf n. */
    public int pendingPolls(int n) {
        long h = mix(seed, n * 3L);
        return Math.floorMod(h, 100L) < pendingPct ? 1 + (int) Math.floorMod(h >>> 20, 3L) : 0;
    }

    /** Whether leaf n fails, and with a checked exception when the value is 2. */
    public int failure(int n) {
        long h = mix(seed, n * 3L + 1);
        if (Math.floorMod(h, 100L) >= failPct) {
            return 0;
        }
        return (h >>> 33 & 1) == 0 ? 1 : 2;
    }

    static long mix(long seed, long n) {
        long z = seed * 0x9E3779B97F4A7C15L + n * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return "Schedule(seed=" + seed + ", pending=" + pendingPct + "%, fail=" + failPct + "%)";
    }
}
