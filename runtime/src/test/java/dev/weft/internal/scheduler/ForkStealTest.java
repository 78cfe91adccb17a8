package dev.weft.internal.scheduler;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Poll;
import dev.weft.RuntimeMetrics;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A child kept back in a worker's fork stack is work like any queued task: another worker
 * steals it even when the poll that spawned it never ends (no later spawn, join or poll end
 * would hand it over). Before the fork stack became a deque that thieves reach, such a child
 * waited for the spawning poll to end, which here is never.
 */
class ForkStealTest {

    /** Long enough to mean "never" on a loaded machine; the parent gives up then. */
    private static final long NEVER_NANOS = TimeUnit.SECONDS.toNanos(20);

    /**
     * Spawns one child from a poll on a worker (kept back), then spins without awaiting until
     * the child has run or the bound passes. Before the spawn, waits until the runtime's park
     * count reaches {@code parksBefore} (the other worker went to sleep). Returns the parent's
     * thread and the child's (null if it never ran).
     */
    private static Thread[] spinUntilTheChildRuns(AsyncRuntime rt, long parksBefore) {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        RuntimeMetrics m = rt.metrics();
        return rt.blockOn(
                rt.spawn(
                        cx -> {
                            long end = System.nanoTime() + NEVER_NANOS;
                            while (m.parks() < parksBefore && System.nanoTime() < end) {
                                Thread.onSpinWait();
                            }
                            Async.spawn(
                                    c -> {
                                        ranOn.set(Thread.currentThread());
                                        return Poll.ready(null);
                                    });
                            while (ranOn.get() == null && System.nanoTime() < end) {
                                Thread.onSpinWait();
                            }
                            return Poll.ready(new Thread[] {Thread.currentThread(), ranOn.get()});
                        }));
    }

    @Test
    void aChildKeptBackByAPollThatSpinsIsRunByTheOtherWorker() {
        try (AsyncRuntime rt = AsyncRuntime.builder().workers(2).build()) {
            long steals = rt.metrics().steals();
            Thread[] ran = spinUntilTheChildRuns(rt, 0);
            assertNotNull(ran[1], "the kept-back child never ran while its parent spun");
            assertNotSame(ran[0], ran[1]);
            assertTrue(rt.metrics().steals() - steals >= 1, "taken by a steal");
        }
    }

    @Test
    void aParkedWorkerIsWokenForAChildKeptBack() {
        try (AsyncRuntime rt = AsyncRuntime.builder().workers(2).build()) {
            RuntimeMetrics m = rt.metrics();
            for (long end = System.nanoTime() + NEVER_NANOS;
                    m.parks() < 2 && System.nanoTime() < end; ) {
                Thread.onSpinWait(); // both workers went to sleep once, with nothing to do
            }
            // one more park than now: the worker not running the parent has gone back to sleep
            Thread[] ran = spinUntilTheChildRuns(rt, m.parks() + 1);
            assertNotNull(ran[1], "the parked worker was never woken for the child");
            assertNotSame(ran[0], ran[1]);
        }
    }
}
