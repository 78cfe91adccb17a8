package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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

    /**
     * VirtualTimeTest.aBusyTaskKeepsTheClockStill on many fresh runtimes. A fresh runtime is
     * where a jump decided on a stale "nobody is busy" showed up: its driver, cold from its
     * first park, found the runtime quiescent before the blockOn began, then read the sleeper's
     * timer that the blockOn's tasks armed meanwhile and jumped to it while the yielding task was
     * queued (a few times in 10^5 runtimes; VirtualClockTest forces that interleaving). Also
     * builds and closes many runtimes whose driver thread starts before their workers exist.
     */
    @Test
    void aYieldingTaskKeepsTheClockStillOnFreshRuntimes() {
        for (boolean workersDrive : new boolean[] {true, false}) {
            for (int run = 0; run < 300; run++) {
                try (AsyncRuntime rt =
                        AsyncRuntime.builder()
                                .workers(2)
                                .workersDrive(workersDrive)
                                .virtualTime()
                                .build()) {
                    List<String> log = Collections.synchronizedList(new ArrayList<>());
                    long start = rt.blockOn(cx -> Poll.ready(Async.nanoTime()));
                    Future<Integer> sleeper =
                            new Future<>() {
                                Future<Void> sleep;

                                @Override
                                public Poll<Integer> poll(Context cx) {
                                    if (sleep == null) {
                                        sleep = Async.sleep(Duration.ofMillis(1));
                                    }
                                    if (!sleep.poll(cx).isReady()) {
                                        return Poll.pending();
                                    }
                                    log.add("sleeper@" + (Async.nanoTime() - start));
                                    return Poll.ready(0);
                                }
                            };
                    Future<Integer> yielding = child(200);
                    Future<Integer> busy =
                            cx -> {
                                long moved = Async.nanoTime() - start;
                                Poll<Integer> p = yielding.poll(cx);
                                if (moved != 0) {
                                    log.add("moved while busy: " + moved);
                                }
                                if (p.isReady()) {
                                    log.add("busy done");
                                }
                                return p;
                            };
                    List<JoinHandle<Integer>> handles = new ArrayList<>();
                    rt.blockOn(
                            cx -> {
                                if (handles.isEmpty()) {
                                    // spawned inside blockOn, sleeper first, as the original test
                                    handles.add(Async.spawn(sleeper));
                                    handles.add(Async.spawn(busy));
                                }
                                for (JoinHandle<Integer> h : handles) {
                                    if (!h.poll(cx).isReady()) {
                                        return Poll.pending();
                                    }
                                }
                                return Poll.ready(null);
                            });
                    assertEquals(
                            List.of("busy done", "sleeper@" + Duration.ofMillis(1).toNanos()),
                            log,
                            "run " + run + ", workersDrive " + workersDrive);
                }
            }
        }
    }
}
