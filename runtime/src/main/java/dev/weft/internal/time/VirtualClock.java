package dev.weft.internal.time;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The clock of a runtime built with {@code AsyncRuntime.Builder.virtualTime()} (Tokio's
 * {@code time::pause} with auto-advance, kotlinx-coroutines-test's {@code runTest}): it starts at
 * a {@link System#nanoTime()} reading and moves only when its {@link TimerDriver} jumps it to the
 * next timer deadline, which the runtime's reactor does only while the runtime is quiescent.
 *
 * <p>Quiescent means, read in this order (each writer makes its work visible in the opposite
 * order, so a reader never misses work that was handed from one party to the next):
 * <ol>
 *   <li>no {@link #hold} is held: no {@code spawnBlocking} work of this runtime is in flight
 *       (its completion wakes a task first, then releases);
 *   <li>the scheduler's {@link #watch idle predicate} holds: no task scheduled or running, no
 *       blockOn future woken or being polled.
 * </ol>
 * Whoever makes the runtime quiescent calls {@link #onQuiescent} (the reactor's unpark), so the
 * driving thread, which never waits for a virtual deadline in real time, looks again.
 *
 * <p>Not covered, by design: wakes from threads that are not the runtime's (a CompletableFuture
 * completed by an HTTP client, a Oneshot completed by a plain thread). The clock may jump while
 * such work is outside; tests that want determinism keep their work inside the runtime.
 */
public final class VirtualClock implements Clock {

    /** The current reading; written only by the driver under its lock, so it never goes back. */
    private volatile long now = System.nanoTime();

    /** spawnBlocking calls of this runtime still running. */
    private final AtomicInteger holds = new AtomicInteger();

    /** The scheduler's "no task scheduled or running"; false until the scheduler binds it. */
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

    /** A spawnBlocking call starts: the clock stays still until {@link #release}. */
    public void hold() {
        holds.incrementAndGet();
    }

    /** A spawnBlocking call ended (after completing its future, which woke its awaiter). */
    public void release() {
        holds.decrementAndGet();
        onQuiescent.run();
    }

    /** Someone went idle (a worker parks, a blockOn thread waits): let the driver look again. */
    public void maybeQuiescent() {
        onQuiescent.run();
    }

    /** Whether the runtime is quiescent now (order of reads: see the class comment). */
    boolean isQuiescent() {
        return holds.get() == 0 && idle.getAsBoolean();
    }

    /** Moves the clock forward to {@code t} (the driver, under its lock). */
    void advanceTo(long t) {
        if (t > now) {
            now = t;
        }
    }
}
