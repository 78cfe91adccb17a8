package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Wake storms: several threads wake each task as fast as they can while it is being polled,
 * idle or queued. A task completes only once it has observed every producer's last increment,
 * each followed by a wake, so a lost wake-up leaves it pending until the timeout fails the test.
 * No two polls of one task may overlap.
 */
@Tag("stress")
class WakeStormStressTest {

    private static final int TASKS = 4;
    private static final int WAKERS_PER_TASK = 3;
    private static final int WAKES_PER_WAKER = 30_000;

    /** Completes once {@link #produced} reached the target; counts overlapping polls. */
    private static final class Storm implements Future<Integer> {
        final AtomicInteger produced = new AtomicInteger();
        final AtomicInteger inPoll = new AtomicInteger();
        final AtomicInteger overlaps = new AtomicInteger();
        final AtomicInteger polls = new AtomicInteger();
        volatile Waker waker;

        @Override
        public Poll<Integer> poll(Context cx) {
            if (inPoll.incrementAndGet() != 1) {
                overlaps.incrementAndGet();
            }
            try {
                polls.incrementAndGet();
                waker = cx.waker();
                for (int i = 0; i < 50; i++) {
                    Thread.onSpinWait(); // widen the window in which wakes meet a running poll
                }
                return produced.get() == WAKERS_PER_TASK * WAKES_PER_WAKER
                        ? Poll.ready(polls.get())
                        : Poll.pending();
            } finally {
                inPoll.decrementAndGet();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"current-thread", "multi-thread"})
    void noLostWakeupAndNoConcurrentPolls(String kind) throws Exception {
        try (AsyncRuntime rt =
                kind.equals("current-thread")
                        ? AsyncRuntime.currentThread()
                        : AsyncRuntime.builder()
                                .workers(2)
                                .threadNamePrefix("weft-stress-")
                                .build()) {
            List<Storm> storms = new ArrayList<>();
            List<JoinHandle<Integer>> handles = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                Storm s = new Storm();
                storms.add(s);
                handles.add(rt.spawn(s));
            }
            rt.blockOn(TestFutures.until(() -> storms.stream().allMatch(s -> s.waker != null)));
            List<Thread> wakers = new ArrayList<>();
            for (Storm s : storms) {
                for (int k = 0; k < WAKERS_PER_TASK; k++) {
                    Thread t =
                            new Thread(
                                    () -> {
                                        for (int i = 0; i < WAKES_PER_WAKER; i++) {
                                            s.produced.incrementAndGet();
                                            s.waker.wake();
                                        }
                                    });
                    wakers.add(t);
                    t.start();
                }
            }
            for (JoinHandle<Integer> h : handles) {
                int polls = rt.blockOn(Async.timeout(Duration.ofSeconds(50), h)); // a hang guard
                assertTrue(
                        polls <= WAKERS_PER_TASK * WAKES_PER_WAKER + 1,
                        "more polls than wakes: " + polls);
            }
            for (Thread t : wakers) {
                t.join();
            }
            for (Storm s : storms) {
                assertEquals(0, s.overlaps.get(), "concurrent polls of one task");
            }
        }
    }
}
