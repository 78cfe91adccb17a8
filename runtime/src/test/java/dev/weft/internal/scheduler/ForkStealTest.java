package dev.weft.internal.scheduler;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Async;
import dev.weft.Poll;
import dev.weft.internal.metrics.WorkerCounters;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
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
     * the child has run or the bound passes. Before the spawn, spins until {@code spawnWhen}
     * holds. Returns the parent's thread and the child's (null if it never ran).
     */
    private static Thread[] spinUntilTheChildRuns(
            WorkStealingScheduler rt, BooleanSupplier spawnWhen) {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        return rt.blockOn(
                rt.spawn(
                        cx -> {
                            long end = System.nanoTime() + NEVER_NANOS;
                            while (!spawnWhen.getAsBoolean() && System.nanoTime() < end) {
                                Thread.onSpinWait();
                            }
                            Async.spawn(
                                    c -> {
                                        ranOn.set(Thread.currentThread());
                                        return Poll.ready(null);
                                    });
                            end = System.nanoTime() + NEVER_NANOS;
                            while (ranOn.get() == null && System.nanoTime() < end) {
                                Thread.onSpinWait();
                            }
                            return Poll.ready(new Thread[] {Thread.currentThread(), ranOn.get()});
                        }));
    }

    private static long steals(WorkStealingScheduler rt) {
        long n = 0;
        for (WorkerCounters c : rt.workerCounters()) {
            n += c.steals();
        }
        return n;
    }

    @Test
    void aChildKeptBackByAPollThatSpinsIsRunByTheOtherWorker() {
        WorkStealingScheduler rt = new WorkStealingScheduler(2, "weft-forksteal-");
        try {
            long steals = steals(rt);
            Thread[] ran = spinUntilTheChildRuns(rt, () -> true);
            assertNotNull(ran[1], "the kept-back child never ran while its parent spun");
            assertNotSame(ran[0], ran[1]);
            assertTrue(steals(rt) - steals >= 1, "taken by a steal");
        } finally {
            rt.shutdown();
        }
    }

    @Test
    void aParkedWorkerIsWokenForAChildKeptBack() {
        WorkStealingScheduler rt = new WorkStealingScheduler(2, "weft-forksteal-");
        try {
            // the spawn comes once the other worker is in the sleeper list: only the spawn's
            // notify can bring it back (the parent's worker is the one unparked worker)
            Thread[] ran =
                    spinUntilTheChildRuns(
                            rt,
                            () -> {
                                int s = rt.idle.stateWord();
                                return Idle.unparked(s) == 1 && Idle.searching(s) == 0;
                            });
            assertNotNull(ran[1], "the parked worker was never woken for the child");
            assertNotSame(ran[0], ran[1]);
        } finally {
            rt.shutdown();
        }
    }
}
