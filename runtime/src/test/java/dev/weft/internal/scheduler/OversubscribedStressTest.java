package dev.weft.internal.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Async;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.Poll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every work-stealing stress test again with 64 workers on whatever this machine has (two cores
 * in CI): oversubscription makes the scheduler's shared structures (the inject queue's lock, the
 * idle set and its searcher count, the live-task stripes, the timer driver's lock) meet
 * preemption in the middle of their critical sections, which is how a lock convoy or a lost
 * wake-up between a parking and a waking worker shows itself on a big machine. The assertions
 * are the base class's: every task completes, none is polled by two threads at once, nothing is
 * left queued or live after close.
 */
@Tag("stress")
class OversubscribedStressTest extends WorkStealingStressTest {

    static final int WORKERS = Integer.getInteger("weft.stress.workers", 64);

    @Override
    int workers() {
        return WORKERS;
    }

    /** Sleeps {@code times} times for {@code d}, counting each wake-up. */
    static Future<Integer> sleeper(int times, Duration d, AtomicInteger fired) {
        return new Future<>() {
            private int done;
            private Future<Void> sleep;

            @Override
            public Poll<Integer> poll(Context cx) {
                while (done < times) {
                    if (sleep == null) {
                        sleep = Async.sleep(d);
                    }
                    if (!sleep.poll(cx).isReady()) {
                        return Poll.pending();
                    }
                    sleep = null;
                    done++;
                    fired.incrementAndGet();
                }
                return Poll.ready(done);
            }
        };
    }

    /** Every worker arms and fires timers at once: the timer driver's lock under preemption. */
    @Test
    void timersArmedAndFiredFromEveryWorker() {
        int tasks = 64 * 50 * SCALE;
        int times = 4;
        AtomicInteger fired = new AtomicInteger();
        List<JoinHandle<Integer>> handles = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            handles.add(
                    rt.spawn(Instrumented.of(sleeper(times, Duration.ofMillis(1 + i % 3), fired))));
        }
        for (JoinHandle<Integer> h : handles) {
            assertEquals(times, await(h));
        }
        assertEquals(tasks * times, fired.get());
    }
}
