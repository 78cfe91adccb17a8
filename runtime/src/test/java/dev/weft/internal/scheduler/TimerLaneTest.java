package dev.weft.internal.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.DriverModes;
import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.Poll;
import dev.weft.internal.context.Contexts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A task woken by a due timer does not wait behind the work already queued (the timer lane,
 * docs/design.md "Timer wakes skip the queue"), and the lane does not starve that work either.
 *
 * <p>Set-up, on one worker: {@link #SLEEPERS} sleepers arm their timers; a blocker then holds
 * the worker while {@link #BACKLOG} tasks are spawned from outside (the inject queue) and every
 * timer becomes due; then the worker is released. Every poll appends to one log: {@code S} for a
 * sleeper polled after its wake, {@code B} for a backlog task. Without the lane, the woken
 * sleepers queued behind the whole backlog (every S after every B). The assertions are about
 * order only: no timing threshold. (The sleep is long so that, with the dedicated driver thread,
 * the timers normally fire after the backlog is queued; if they fire earlier, the old code
 * could pass, the new one still does.)
 */
class TimerLaneTest {

    private static final int SLEEPERS = 200;
    private static final int BACKLOG = 20_000;
    private static final Duration SLEEP = Duration.ofMillis(500);

    @ParameterizedTest(name = "workersDrive={0}")
    @ValueSource(booleans = {false, true})
    void timerWakesRunAheadOfTheBacklogWithoutStarvingIt(boolean workersDrive) throws Exception {
        char[] log = new char[SLEEPERS + BACKLOG];
        AtomicInteger next = new AtomicInteger();
        CountDownLatch armed = new CountDownLatch(SLEEPERS);
        CountDownLatch woken = new CountDownLatch(SLEEPERS);
        CountDownLatch blocking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (AsyncRuntime rt = DriverModes.multi(1, "weft-lane-", workersDrive)) {
            List<JoinHandle<Void>> all = new ArrayList<>();
            for (int i = 0; i < SLEEPERS; i++) {
                all.add(rt.spawn(sleeper(log, next, armed, woken)));
            }
            assertTrue(armed.await(60, TimeUnit.SECONDS), "every sleeper armed its timer");
            long armedAt = System.nanoTime();
            all.add(
                    rt.spawn(
                            cx -> {
                                blocking.countDown();
                                try {
                                    release.await(60, TimeUnit.SECONDS);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                                return Poll.ready(null);
                            }));
            assertTrue(blocking.await(60, TimeUnit.SECONDS), "the blocker holds the worker");
            for (int i = 0; i < BACKLOG; i++) {
                all.add(
                        rt.spawn(
                                cx -> {
                                    log[next.getAndIncrement()] = 'B';
                                    return Poll.ready(null);
                                }));
            }
            if (workersDrive) {
                // nobody drives while the only worker is blocked: let every deadline pass (if one
                // has not, its sleeper wakes during the backlog instead, which the lane serves too)
                long due = armedAt + SLEEP.toNanos() + Duration.ofMillis(100).toNanos();
                while (System.nanoTime() - due < 0) {
                    Thread.sleep(5);
                }
            } else {
                assertTrue(woken.await(60, TimeUnit.SECONDS), "the driver thread woke them all");
            }
            release.countDown();
            for (JoinHandle<Void> h : all) {
                h.toCompletableFuture().get(60, TimeUnit.SECONDS);
            }
        }
        String order = new String(log, 0, next.get());
        assertEquals(SLEEPERS + BACKLOG, order.length(), "every task ran once");
        int lastB = order.lastIndexOf('B');
        assertTrue(
                order.lastIndexOf('S') < lastB,
                () ->
                        "every woken sleeper ran before the backlog finished; the log starts "
                                + order.substring(0, 300));
        int run = 0;
        int longest = 0;
        for (int i = 0; i < lastB; i++) {
            run = order.charAt(i) == 'S' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        assertTrue(
                longest <= Worker.MAX_TIMER_WAKES,
                "at most "
                        + 8
                        + " timer wakes in a row while the backlog "
                        + "waits, not "
                        + longest);
    }

    /** Sleeps once, counting its arming and its wake; logs 'S' when polled after the wake. */
    private static Future<Void> sleeper(
            char[] log, AtomicInteger next, CountDownLatch armed, CountDownLatch woken) {
        Future<Void> sleep = Async.sleep(SLEEP);
        boolean[] first = {true};
        return cx -> {
            Poll<Void> p =
                    sleep.poll(
                            Contexts.withWaker(
                                    cx,
                                    () -> {
                                        woken.countDown();
                                        cx.waker().wake();
                                    }));
            if (first[0]) {
                first[0] = false;
                armed.countDown();
                if (p.isReady()) {
                    throw new AssertionError("a 500 ms sleep was ready at its first poll");
                }
                return p;
            }
            if (p.isReady()) {
                log[next.getAndIncrement()] = 'S';
            }
            return p;
        };
    }
}
