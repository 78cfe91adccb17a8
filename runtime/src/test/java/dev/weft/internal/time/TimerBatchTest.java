package dev.weft.internal.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.AsyncRuntime;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.internal.context.RuntimeHandle;
import dev.weft.internal.context.WorkerThread;
import dev.weft.internal.future.Sleep;
import dev.weft.internal.future.Timeout;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Timers armed by a worker's task wait in the worker's {@link TimerBatch} until its poll ends. */
class TimerBatchTest {

    private static final long MS = 1_000_000L;

    private final ManualClock clock = new ManualClock();
    private final AtomicInteger unparks = new AtomicInteger();
    private final TimerDriver driver = new TimerDriver(clock, unparks::incrementAndGet);

    @Test
    void aFlushCountsEveryDelayFromItsOwnClockReadingSoNothingFiresEarly() {
        TimerBatch batch = new TimerBatch();
        TimerEntry a = new TimerEntry();
        TimerEntry b = new TimerEntry();
        TimerEntry cancelled = new TimerEntry();
        clock.nanos += MS / 3; // tick 0.33: the poll arms its timers
        assertTrue(batch.offer(driver, a, 5 * MS));
        assertTrue(batch.offer(driver, cancelled, 7 * MS));
        assertTrue(batch.offer(driver, b, 10 * MS));
        assertEquals(0, driver.armed(), "nothing reaches the wheel during the poll");
        driver.cancel(cancelled);
        assertFalse(cancelled.isLinked());

        clock.nanos += 2 * MS; // tick 2.33: the poll ends
        batch.flush();
        assertTrue(batch.isEmpty());
        assertEquals(2, driver.armed(), "the cancelled one never reached the wheel");
        // from the flush's reading (2.33 ms), rounded up: never before arming + delay
        assertEquals(8, a.deadlineTick());
        assertEquals(13, b.deadlineTick());
        assertEquals(1, unparks.get(), "one earlier-deadline wake for the whole batch");

        batch.flush();
        assertEquals(2, driver.armed());
        assertEquals(1, unparks.get());
        clock.nanos += 5 * MS; // tick 7.33: a is due at 8, so not yet
        driver.fireExpired();
        assertTrue(a.isLinked(), "not fired before its deadline");
        clock.nanos += MS;
        driver.fireExpired();
        assertFalse(a.isLinked());
        assertTrue(b.isLinked());
    }

    @Test
    void oneBatchServesOneDriver() {
        TimerBatch batch = new TimerBatch();
        TimerDriver other = new TimerDriver(clock, () -> {});
        assertTrue(batch.offer(driver, new TimerEntry(), MS));
        assertFalse(
                batch.offer(other, new TimerEntry(), MS), "another driver's timer arms directly");
        batch.flush();
        assertTrue(batch.offer(other, new TimerEntry(), MS), "an empty batch takes any driver");
        batch.flush();
        assertEquals(1, driver.armed());
        assertEquals(1, other.armed());
    }

    /**
     * On a real worker: one poll arms 1,000 timeouts and cancels them all, and arms a 30 ms
     * sleep; the timeouts never reach the wheel, the sleep does when the poll ends, and it wakes
     * the task no earlier than 30 ms after it was armed.
     */
    @Test
    void aWorkersTaskArmsItsTimersWhenItsPollEnds() throws Exception {
        try (AsyncRuntime rt = AsyncRuntime.builder().workers(1).build()) {
            Future<String> pending = cx -> Poll.pending();
            Future<String> task =
                    new Future<>() {
                        Future<Void> sleep;
                        long armedAt;

                        @Override
                        public Poll<String> poll(Context cx) {
                            TimerDriver d = RuntimeHandle.timersOf(cx);
                            if (sleep == null) {
                                WorkerThread worker =
                                        assertInstanceOf(
                                                WorkerThread.class, Thread.currentThread());
                                int before = d.armed();
                                for (int i = 0; i < 1000; i++) {
                                    Timeout<String> t =
                                            new Timeout<>(Duration.ofSeconds(1), pending);
                                    assertFalse(t.poll(cx).isReady());
                                    t.cancel();
                                }
                                armedAt = System.nanoTime();
                                sleep = Sleep.of(Duration.ofMillis(30));
                                assertFalse(sleep.poll(cx).isReady());
                                assertFalse(
                                        worker.timers.isEmpty(),
                                        "the sleep waits in the worker's batch");
                                assertEquals(
                                        before,
                                        d.armed(),
                                        "nothing reached the wheel during the poll");
                                return Poll.pending();
                            }
                            if (!sleep.poll(cx).isReady()) {
                                return Poll.pending();
                            }
                            long slept = System.nanoTime() - armedAt;
                            assertTrue(
                                    slept >= TimeUnit.MILLISECONDS.toNanos(30),
                                    "woke early: " + slept + " ns");
                            return Poll.ready("armed " + d.armed());
                        }
                    };
            assertEquals("armed 0", rt.blockOn(rt.spawn(task)));
        }
    }
}
