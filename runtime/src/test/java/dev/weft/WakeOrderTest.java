package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.internal.context.Contexts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tasks woken by the reactor are served in the order they were woken, even when one reactor
 * turn wakes more of them than a worker's ring holds (1,000 connections becoming readable at
 * once). A single worker is blocked while a thousand timers expire, so its next reactor turn
 * wakes them all at once (in worker-driven mode; with the dedicated thread they arrive as
 * foreign wakes).
 *
 * <p>What "in order" means exactly: a woken task waits either in the worker's ring or in the
 * inject queue, both first-in first-out, and a worker interleaves the two (the inject queue
 * every 61st tick, the ring otherwise). So the run order must be a merge of two sequences that
 * each follow the wake order, which is the case exactly when it has no decreasing subsequence
 * of length 3. That holds whatever the timing (the timers may expire over several turns), so
 * the test needs no timing assumption. Waking through the LIFO slot broke it: the full ring
 * moved its oldest half to the inject queue, behind every later wake.
 */
class WakeOrderTest {

    private static final int TASKS = 1_000;

    /** Long enough that the sleepers are normally all armed before the first is due (not required). */
    private static final Duration SLEEP = Duration.ofMillis(500);

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aTurnThatWakesMoreThanARingServesThemInWakeOrder(boolean workersDrive) throws Exception {
        List<Integer> wakeOrder = new ArrayList<>();
        List<Integer> runOrder = new ArrayList<>();
        CountDownLatch armed = new CountDownLatch(TASKS);
        CountDownLatch release = new CountDownLatch(1);
        try (AsyncRuntime rt = DriverModes.multi(1, "weft-order-", workersDrive)) {
            List<JoinHandle<Void>> sleepers = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                sleepers.add(rt.spawn(recorded(i, Async.sleep(SLEEP), armed, wakeOrder, runOrder)));
            }
            long deadline = System.nanoTime() + SLEEP.toNanos();
            assertTrue(armed.await(60, TimeUnit.SECONDS), "every sleeper armed its timer");
            // the only worker blocks until every deadline has passed: its next turn finds them all
            // due
            JoinHandle<Void> blocker =
                    rt.spawn(
                            cx -> {
                                try {
                                    release.await(60, TimeUnit.SECONDS);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                                return Poll.ready(null);
                            });
            while (System.nanoTime() - deadline < Duration.ofMillis(10).toNanos()) {
                Thread.sleep(
                        5); // only makes the one big turn likely; the assertion holds either way
            }
            release.countDown();
            rt.blockOn(blocker);
            for (JoinHandle<Void> h : sleepers) {
                h.toCompletableFuture().get(60, TimeUnit.SECONDS);
            }
        }
        List<Integer> positions = new ArrayList<>();
        synchronized (wakeOrder) {
            // a sleeper first polled after its deadline completes without a wake: it is left out
            int[] wakePos = new int[TASKS];
            for (int k = 0; k < wakeOrder.size(); k++) {
                wakePos[wakeOrder.get(k)] = k;
            }
            for (int i : runOrder) {
                positions.add(wakePos[i]);
            }
            assertEquals(
                    wakeOrder.size(),
                    positions.size(),
                    "every woken sleeper ran once after its wake");
        }
        assertEquals(
                2,
                Math.max(2, longestDecreasing(positions)),
                () ->
                        "run order is a merge of two wake-ordered queues; first positions in wake order: "
                                + positions.subList(0, Math.min(60, positions.size())));
    }

    /**
     * Wraps {@code inner} (a sleep): records the wake (on the waking thread, before the schedule
     * it triggers) and the poll that follows it. Both lists are guarded by {@code wakeOrder}.
     */
    private static Future<Void> recorded(
            int id,
            Future<Void> inner,
            CountDownLatch armed,
            List<Integer> wakeOrder,
            List<Integer> runOrder) {
        boolean[] woken = {false};
        boolean[] first = {true};
        return cx -> {
            synchronized (wakeOrder) {
                if (woken[0]) {
                    runOrder.add(id);
                }
            }
            Waker real = cx.waker();
            Poll<Void> p =
                    inner.poll(
                            Contexts.withWaker(
                                    cx,
                                    () -> {
                                        synchronized (wakeOrder) {
                                            woken[0] = true;
                                            wakeOrder.add(id);
                                        }
                                        real.wake();
                                    }));
            if (first[0]) {
                first[0] = false;
                armed.countDown();
            }
            return p;
        };
    }

    /** Length of the longest strictly decreasing subsequence (patience sorting on negated values). */
    static int longestDecreasing(List<Integer> xs) {
        int[] tails = new int[xs.size()];
        int len = 0;
        for (int x : xs) {
            int v = -x;
            int lo = 0;
            int hi = len;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (tails[mid] < v) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            tails[lo] = v;
            if (lo == len) {
                len++;
            }
        }
        return len;
    }
}
