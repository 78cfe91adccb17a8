package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Virtual time under load on the multi-threaded executor: many tasks hand work to each other
 * (spawn a child, join it; the blockOn thread joins them all) between sleeps. A woken task runs
 * before the clock can move again, so each sleep must end at exactly its deadline: a jump taken
 * while any task was runnable (a missed busy party) shows up as a sleep that took longer.
 */
class VirtualTimeStressTest {

    private static final int TASKS = 40;
    private static final int ROUNDS = 25;

    /** Yields a few times: work that hops between workers, with no timer of its own. */
    static Future<Integer> child(int yields) {
        int[] left = {yields};
        Future<?>[] y = {null};
        return cx -> {
            for (; ; ) {
                if (y[0] != null && !y[0].poll(cx).isReady()) {
                    return Poll.pending();
                }
                if (left[0]-- == 0) {
                    return Poll.ready(yields);
                }
                y[0] = Async.yieldNow();
            }
        };
    }

    /** ROUNDS times: spawn a child and join it, then sleep; counts sleeps that did not end on time. */
    static final class Sleeper implements Future<Void> {
        private final int id;
        private final AtomicInteger late;
        private int round;
        private JoinHandle<Integer> child;
        private Future<Void> sleep;
        private long armedAt;
        private long delay;

        Sleeper(int id, AtomicInteger late) {
            this.id = id;
            this.late = late;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            for (; ; ) {
                if (sleep != null) {
                    if (!sleep.poll(cx).isReady()) {
                        return Poll.pending();
                    }
                    if (Async.nanoTime() - armedAt != delay) {
                        late.incrementAndGet();
                    }
                    sleep = null;
                    round++;
                }
                if (round == ROUNDS) {
                    return Poll.ready(null);
                }
                if (child == null) {
                    child = Async.spawn(child(1 + (id + round) % 4));
                }
                if (!child.poll(cx).isReady()) {
                    return Poll.pending();
                }
                child = null;
                delay = Duration.ofMillis(1 + (id * 7 + round * 3) % 11).toNanos();
                armedAt = Async.nanoTime();
                sleep = Async.sleep(Duration.ofNanos(delay));
            }
        }
    }

    @Test
    void everySleepEndsAtExactlyItsVirtualDeadlineUnderLoad() {
        for (Supplier<AsyncRuntime> make :
                List.<Supplier<AsyncRuntime>>of(
                        () ->
                                AsyncRuntime.builder()
                                        .workers(3)
                                        .workersDrive(true)
                                        .virtualTime()
                                        .build(),
                        () ->
                                AsyncRuntime.builder()
                                        .workers(3)
                                        .workersDrive(false)
                                        .virtualTime()
                                        .build(),
                        () -> AsyncRuntime.builder().currentThread().virtualTime().build())) {
            for (int run = 0; run < 5; run++) {
                try (AsyncRuntime rt = make.get()) {
                    AtomicInteger late = new AtomicInteger();
                    List<JoinHandle<Void>> handles = new ArrayList<>();
                    for (int i = 0; i < TASKS; i++) {
                        handles.add(rt.spawn(new Sleeper(i, late)));
                    }
                    for (JoinHandle<Void> h : handles) {
                        rt.blockOn(h); // the blockOn thread joins, woken by the tasks' completion
                    }
                    assertEquals(0, late.get(), "sleeps that ended after their virtual deadline");
                }
            }
        }
    }
}
