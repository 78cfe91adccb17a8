package dev.weft;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One live task of a runtime, as {@link AsyncRuntime#dumpTasks()} saw it.
 *
 * @param id the task's identity hash code: stable while the task lives, and what a join of it
 *     elsewhere in the dump names ({@code join of task 1b6d3586}); not guaranteed unique
 * @param state idle (suspended, waiting to be woken), scheduled (woken, in a run queue) or
 *     running (a thread is polling it now)
 * @param spawnSite {@code Class.method(File.java:line)} of the spawn call, or null when the
 *     runtime does not record spawn sites ({@code -Dweft.spawnSites=true} turns it on)
 * @param age how long ago the task was spawned, or null under the same condition
 * @param awaitChain outermost first: the spawned future, every woven frame as
 *     {@code Class.method(File.java:line)} of the await it is suspended at, then what the
 *     innermost frame waits for (a sleep and its deadline, a socket, a channel, a
 *     CompletionStage, a join of another task); a running task's chain may stop short of its leaf
 */
public record TaskSnapshot(
        long id, State state, String spawnSite, Duration age, List<String> awaitChain) {

    /** Where a task is in its life between spawn and completion. */
    public enum State {
        /** Suspended: waits for a waker. */
        IDLE,
        /** Woken: waits in a run queue for a worker. */
        SCHEDULED,
        /** A thread is polling it. */
        RUNNING
    }

    /**
     * Copies {@code awaitChain}; the snapshot is immutable.
     *
     * @param id the task's identity hash code
     * @param state idle, scheduled or running
     * @param spawnSite where it was spawned, or null when not recorded
     * @param age how long ago it was spawned, or null when not recorded
     * @param awaitChain the spawned future's frames, outermost first, then the leaf
     */
    public TaskSnapshot {
        Objects.requireNonNull(state, "state");
        awaitChain = List.copyOf(awaitChain);
    }

    /**
     * The task as the dump prints it: a header line, then one indented line per chain entry.
     *
     * <pre>
     * task 1b6d3586 idle, age 2.301s, spawned at demo.Server.main(Server.java:40)
     *     demo.Server.handle(Server.java:57)
     *     Async.sleep(PT5S), fires in 2.699s
     * </pre>
     */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        appendTo(b);
        return b.toString();
    }

    void appendTo(StringBuilder b) {
        b.append("task ")
                .append(Long.toHexString(id))
                .append(' ')
                .append(state.name().toLowerCase(java.util.Locale.ROOT));
        if (age != null) {
            b.append(", age ").append(dev.weft.internal.dump.DumpFormat.seconds(age));
        }
        if (spawnSite != null) {
            b.append(", spawned at ").append(spawnSite);
        }
        b.append('\n');
        for (String s : awaitChain) {
            b.append("    ").append(s).append('\n');
        }
    }
}
