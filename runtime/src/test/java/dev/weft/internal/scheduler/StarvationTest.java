package dev.weft.internal.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Async;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.Poll;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A busy task must not starve a timer on the same (single-worker) runtime: the coop budget
 * makes an always-ready loop yield, and the global-queue interval makes the worker look at the
 * inject queue (where the timer thread puts the woken sleeper) even while its ring is never
 * empty. Behavioural assertion: the 10 ms sleeper completes while the busy task is still
 * running (the busy task only stops when the sleeper tells it to). The delay is printed, not
 * asserted.
 */
@Tag("stress")
class StarvationTest {

    /** Loops on a leaf until {@code stop}; yields only when the leaf says Pending. */
    static final class Busy implements Future<Long> {
        final Supplier<Future<?>> leaf;
        volatile boolean stop;
        long iterations;
        Future<?> pending;

        Busy(Supplier<Future<?>> leaf) {
            this.leaf = leaf;
        }

        @Override
        public Poll<Long> poll(Context cx) {
            while (!stop) {
                Future<?> f = pending != null ? pending : leaf.get();
                if (!f.poll(cx).isReady()) {
                    pending = f;
                    return Poll.pending();
                }
                pending = null;
                iterations++;
            }
            return Poll.ready(iterations);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ready", "yieldNow", "zero-sleep"})
    void aBusyTaskDoesNotDelayATimer(String kind) throws Exception {
        Supplier<Future<?>> leaf =
                switch (kind) {
                    case "ready" -> () -> Future.ready(1);
                    case "yieldNow" -> Async::yieldNow;
                    default -> () -> Async.sleep(Duration.ZERO);
                };
        WorkStealingScheduler rt = new WorkStealingScheduler(1, "weft-starve-");
        try {
            Busy busy = new Busy(leaf);
            JoinHandle<Long> busyHandle = rt.spawn(busy);
            long t0 = System.nanoTime();
            JoinHandle<Boolean> sleeper =
                    rt.spawn(
                            new Future<>() {
                                final Future<Void> sleep = Async.sleep(Duration.ofMillis(10));

                                @Override
                                public Poll<Boolean> poll(Context cx) {
                                    if (!sleep.poll(cx).isReady()) {
                                        return Poll.pending();
                                    }
                                    boolean busyStillRunning = !busyHandle.isDone();
                                    busy.stop = true;
                                    return Poll.ready(busyStillRunning);
                                }
                            });
            // a hang guard only: without the budget the single worker never leaves the busy poll.
            boolean busyWasRunning = sleeper.toCompletableFuture().get(30, TimeUnit.SECONDS);
            long delayMicros = (System.nanoTime() - t0) / 1_000 - 10_000;
            System.out.printf(
                    "starvation[%s]: 10 ms timer completed %d us late, busy ran %d iterations%n",
                    kind, delayMicros, busyHandle.toCompletableFuture().get(30, TimeUnit.SECONDS));
            assertTrue(busyWasRunning, "the timer fired only after the busy task ended");
            assertTrue(busy.iterations > 0);
        } finally {
            rt.shutdown();
            for (Thread t : rt.threads()) {
                t.join(30_000); // shutdown's own join is bounded; a loaded machine can outlast it
            }
        }
        assertEquals(0, rt.queuedTasks());
        assertFalse(rt.threads().stream().anyMatch(Thread::isAlive));
    }
}
