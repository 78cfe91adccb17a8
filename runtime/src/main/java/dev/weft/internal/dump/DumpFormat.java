package dev.weft.internal.dump;

import java.time.Duration;

/** How a dump writes times and ids, shared by the snapshot and the leaves' descriptions. */
public final class DumpFormat {

    private DumpFormat() {}

    /** {@code 2.301s}: what a reader of a dump wants, rather than Duration's {@code PT2.301S}. */
    public static String seconds(Duration d) {
        long ms = d.toMillis();
        long frac = Math.abs(ms % 1000);
        // not String.format: a dump of 100,000 sleeping tasks formats 100,000 of these
        return (ms < 0 ? "-" : "")
                + Math.abs(ms / 1000)
                + (frac < 10 ? ".00" : frac < 100 ? ".0" : ".")
                + frac
                + "s";
    }

    /**
     * A task's id in dumps (in hex: {@code 1b6d3586}), JFR events and slow-poll warnings: its
     * identity hash code, stable for the task's life; ids may repeat, as a task has no room for a
     * counter of its own.
     */
    public static int taskId(Object task) {
        return System.identityHashCode(task);
    }
}
