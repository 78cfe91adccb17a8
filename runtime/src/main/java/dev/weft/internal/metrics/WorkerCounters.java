package dev.weft.internal.metrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What one worker (or the thread holding a current-thread runtime's core) has done: polls,
 * steals, parks, spawns and completions. Written only by its owner thread, with plain arithmetic
 * and an opaque store (no fence, no lock, no shared cache line); read by anyone with an acquire
 * or opaque load, summed over the workers only when a reader asks (Tokio's per-worker
 * {@code WorkerMetrics}).
 *
 * <p>The poll counter is a sequence: odd while a poll runs, even between polls. A watchdog that
 * reads the same odd value twice, some time apart, knows that one poll has run at least that long
 * without the worker paying for a clock read.
 *
 * <p>Padding: the counters of different workers are allocated next to each other; without the
 * padding fields on both sides two workers' increments would bounce one cache line between cores
 * (the superclass's fields come first in the object, the subclass's last).
 */
public final class WorkerCounters extends WorkerCountersFields {

    @SuppressWarnings("unused")
    private long q0, q1, q2, q3, q4, q5, q6, q7;

    private static final VarHandle POLL_SEQ;
    private static final VarHandle STEALS;
    private static final VarHandle PARKS;
    private static final VarHandle SPAWNED;
    private static final VarHandle COMPLETED;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            POLL_SEQ = l.findVarHandle(WorkerCountersFields.class, "pollSeq", long.class);
            STEALS = l.findVarHandle(WorkerCountersFields.class, "steals", long.class);
            PARKS = l.findVarHandle(WorkerCountersFields.class, "parks", long.class);
            SPAWNED = l.findVarHandle(WorkerCountersFields.class, "spawned", long.class);
            COMPLETED = l.findVarHandle(WorkerCountersFields.class, "completed", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // ---- owner only ----

    /**
     * A poll begins. Release: whatever the owner wrote before (the task it is about to poll) is
     * visible to a reader that sees the odd sequence with {@link #pollSequence()}.
     */
    public void pollStarted() {
        POLL_SEQ.setRelease(this, pollSeq + 1);
    }

    /** The poll that {@link #pollStarted} began has returned (or thrown). */
    public void pollEnded() {
        POLL_SEQ.setRelease(this, pollSeq + 1);
    }

    /** A steal took at least one task from another worker. */
    public void countSteal() {
        STEALS.setOpaque(this, steals + 1);
    }

    /** The owner is about to wait for work. */
    public void countPark() {
        PARKS.setOpaque(this, parks + 1);
    }

    /** The owner spawned a task. */
    public void countSpawn() {
        SPAWNED.setOpaque(this, spawned + 1);
    }

    /** A task completed (or was cancelled) on the owner thread. */
    public void countCompletion() {
        COMPLETED.setOpaque(this, completed + 1);
    }

    // ---- any thread ----

    /** The poll sequence: odd while a poll runs; polls begun = (sequence + 1) / 2. */
    public long pollSequence() {
        return (long) POLL_SEQ.getAcquire(this);
    }

    /** Polls begun so far, the running one included. */
    public long polls() {
        return (pollSequence() + 1) >>> 1;
    }

    public long steals() {
        return (long) STEALS.getOpaque(this);
    }

    public long parks() {
        return (long) PARKS.getOpaque(this);
    }

    public long spawns() {
        return (long) SPAWNED.getOpaque(this);
    }

    public long completions() {
        return (long) COMPLETED.getOpaque(this);
    }
}

/** Left padding of {@link WorkerCounters}: a cache line between its counters and the object before it. */
abstract class WorkerCountersPad {
    @SuppressWarnings("unused")
    private long p0, p1, p2, p3, p4, p5, p6, p7;
}

/** The counters of {@link WorkerCounters}; owner writes, anyone reads (through its VarHandles). */
abstract class WorkerCountersFields extends WorkerCountersPad {
    /** Twice the polls finished, plus one while a poll runs. */
    long pollSeq;

    long steals;
    long parks;
    long spawned;
    long completed;
}
