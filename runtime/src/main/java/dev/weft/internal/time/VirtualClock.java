package dev.weft.internal.time;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The clock of a runtime built with {@code AsyncRuntime.Builder.virtualTime()} (Tokio's
 * {@code time::pause} with auto-advance, kotlinx-coroutines-test's {@code runTest}): it starts at
 * a {@link System#nanoTime()} reading and moves only when its {@link TimerDriver} jumps it to the
 * next timer deadline, which the runtime's reactor does only while the runtime is quiescent.
 *
 * <p>Quiescence is one counter, {@link #busy}, so reading it is a single linearizable read
 * (several flags read one after the other could each be read idle while work moves from a flag
 * not yet read to one already read). Every party that can make a task runnable holds one unit
 * while it is busy:
 * <ul>
 *   <li>a worker of the multi-threaded executor, from its start and from each exit from the
 *       sleeper list (the notifier enters for it, before the unpark) until it parks again, after
 *       its last re-check of the queues;
 *   <li>a multi-threaded runtime's blockOn thread, from each wake of its future (the waker
 *       enters) until the poll that follows ends;
 *   <li>each {@code spawnBlocking} call from the runtime, until its future is completed (which
 *       wakes the awaiter first: the unit is handed on, never dropped in between).
 * </ul>
 * A party enters before it hands work on and exits after, so the count is 0 only when none is
 * busy; then nothing inside the runtime can move, and the scheduler's {@link #watch idle
 * predicate} (no queued task) reads a stable state. The current-thread executor needs only the
 * blocking units: its blockOn thread is the driver, and asks only after finding nothing runnable.
 * The exit to 0 runs {@link #onQuiescent} (the reactor's unpark), so the driving thread, which
 * never waits for a virtual deadline in real time, looks again.
 *
 * <p>A jump ({@link #jumpIfQuiescent}) is atomic against parties becoming busy: the check that
 * nobody is busy, the idle predicate, the read of the next deadline and the write of the clock
 * are one step. Without it the driver could find the runtime quiescent, lose the CPU, and
 * meanwhile a blockOn could start, spawn a task that arms a 1 ms timer and a task that keeps
 * yielding; the driver then read that timer and jumped to it while the yielding task was queued
 * (VirtualTimeTest.aBusyTaskKeepsTheClockStill: a few times in 10^5 fresh runtimes, always on a
 * driver still cold from its first park; VirtualClockTest forces the interleaving). Protocol:
 * <ol>
 *   <li>the driver takes {@link #jumpLock}, sets {@link #jumping}, then reads {@link #busy};
 *   <li>a party increments {@link #busy}, then reads {@link #jumping}; if set, it takes and
 *       releases {@link #jumpLock} before it does anything else, so it acts after the jump;
 *   <li>so either the driver's read sees the party busy (no jump), or the party waits for the
 *       jump to end: nothing a party does falls between the check and the jump.
 * </ol>
 * Only enters that meet a jump in progress take the lock; the driver holds it for a few reads.
 *
 * <p>Not covered, by design: wakes from threads that are not the runtime's (a CompletableFuture
 * completed by an HTTP client, a Oneshot completed by a plain thread, a spawn from a thread that
 * is not in blockOn). The clock may jump while such work is outside; tests that want determinism
 * keep their work inside the runtime.
 */
public final class VirtualClock implements Clock {

    /** The current reading; written only in {@link #jumpIfQuiescent}, so it never goes back. */
    private volatile long now = System.nanoTime();

    /** Busy parties; see the class comment. */
    private final AtomicInteger busy = new AtomicInteger();

    /** Held by the driver for the whole of a jump's decision and write; see the class comment. */
    private final Object jumpLock = new Object();

    /**
     * True while the driver holds {@link #jumpLock} (set after taking it, cleared before
     * releasing it): tells an entering party to wait for the jump.
     */
    private volatile boolean jumping;

    /** The scheduler's "no task queued", read once {@link #busy} is 0; false until bound. */
    private volatile BooleanSupplier idle = () -> false;

    /** Makes the driving thread look again (the reactor's unpark); bound by the reactor. */
    private volatile Runnable onQuiescent = () -> {};

    @Override
    public long nanoTime() {
        return now;
    }

    /** The scheduler's idle predicate; called once, before the scheduler starts any thread. */
    public void watch(BooleanSupplier schedulerIdle) {
        this.idle = schedulerIdle;
    }

    /** The reactor's unpark, run whenever the runtime may have become quiescent. */
    public void onQuiescent(Runnable unpark) {
        this.onQuiescent = unpark;
    }

    /** A party becomes busy (or is made busy by a busy one): the clock stays still until its {@link #exit}. */
    public void enter() {
        busy.incrementAndGet();
        // ordering: the increment (a volatile RMW) comes before this volatile read, and the
        // driver's write of jumping before its read of busy (Dekker): one of the two sees the other
        if (jumping) {
            synchronized (jumpLock) {
                // a jump decided before this party was counted: let it finish first
            }
        }
    }

    /** A party is done; the last one out lets the driver look again. */
    public void exit() {
        if (busy.decrementAndGet() == 0) {
            onQuiescent.run();
        }
    }

    /**
     * If the runtime is quiescent (no busy party, then the scheduler's idle predicate), moves the
     * clock forward to {@code nextDeadline} (a clock reading, {@code Long.MAX_VALUE} when no
     * timer is armed), as one step against parties becoming busy (see the class comment).
     *
     * @return whether the runtime was quiescent with a timer armed (the caller then fires it)
     */
    boolean jumpIfQuiescent(LongSupplier nextDeadline) {
        synchronized (jumpLock) {
            jumping = true;
            try {
                if (busy.get() != 0 || !idle.getAsBoolean()) {
                    return false;
                }
                long t = nextDeadline.getAsLong();
                if (t == Long.MAX_VALUE) {
                    return false;
                }
                if (t > now) {
                    now = t;
                }
                return true;
            } finally {
                jumping = false;
            }
        }
    }
}
