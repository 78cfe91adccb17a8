package dev.weft.internal.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.internal.context.Contexts;
import dev.weft.internal.future.Sleep;
import dev.weft.internal.metrics.DriverMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Sleep on a driver whose clock the test moves. */
class TimerDriverTest {

    @Test
    void sleepFiresOnceItsDurationHasPassedOnTheClock() {
        ManualClock clock = new ManualClock();
        AtomicInteger unparks = new AtomicInteger();
        TimerDriver driver = new TimerDriver(clock, unparks::incrementAndGet);
        AtomicInteger wakes = new AtomicInteger();
        Context cx =
                Contexts.create(wakes::incrementAndGet, () -> false, new DriverRuntime(driver));

        clock.nanos += 400_000; // mid-tick: the deadline rounds up, never down
        Future<Void> sleep = new Sleep(Duration.ofMillis(10));
        assertFalse(sleep.poll(cx).isReady());
        assertEquals(1, unparks.get(), "an earlier deadline unparks the driving thread");
        assertEquals(1, driver.armed());
        assertEquals(11_000_000 - 400_000, driver.fireExpired(), "park until the next deadline");

        clock.nanos += 9_999_999;
        driver.fireExpired();
        assertEquals(0, wakes.get());
        assertFalse(sleep.poll(cx).isReady());

        clock.nanos += 1;
        driver.fireExpired();
        assertEquals(0, wakes.get(), "10 ms after registration but inside the rounded-up tick");
        clock.nanos += 600_000;
        driver.fireExpired();
        assertEquals(1, wakes.get());
        assertTrue(sleep.poll(cx).isReady());
        assertEquals(Long.MAX_VALUE, driver.fireExpired());
    }

    @Test
    void cancelledSleepDisarmsAndNeverWakes() {
        ManualClock clock = new ManualClock();
        TimerDriver driver = new TimerDriver(clock, () -> {});
        AtomicInteger wakes = new AtomicInteger();
        Context cx =
                Contexts.create(wakes::incrementAndGet, () -> false, new DriverRuntime(driver));
        Future<Void> sleep = new Sleep(Duration.ofSeconds(5));
        sleep.poll(cx);
        sleep.cancel();
        assertEquals(0, driver.armed());
        clock.nanos += Duration.ofSeconds(6).toNanos();
        driver.fireExpired();
        assertEquals(0, wakes.get());
    }

    @Test
    void zeroAndNegativeSleepsAreReadyAtOnce() {
        TimerDriver driver = new TimerDriver(new ManualClock(), () -> {});
        Context cx = Contexts.create(() -> {}, () -> false, new DriverRuntime(driver));
        assertTrue(new Sleep(Duration.ZERO).poll(cx).isReady());
        assertTrue(new Sleep(Duration.ofMillis(-5)).poll(cx).isReady());
        assertFalse(new Sleep(Duration.ofSeconds(Long.MAX_VALUE)).poll(cx).isReady());
        assertEquals(1, driver.armed());
    }

    /** A manual clock that counts its readings. */
    private static final class CountingClock implements Clock {
        long nanos = 1_000_000_000L;
        int reads;

        @Override
        public long nanoTime() {
            reads++;
            return nanos;
        }
    }

    @Test
    void whileTheDriverReadsEveryTickALongArmReadsNoClockAndCountsFromItsNextReading() {
        CountingClock clock = new CountingClock();
        AtomicInteger unparks = new AtomicInteger();
        TimerDriver driver =
                new TimerDriver(clock, unparks::incrementAndGet, new DriverMetrics(), true);
        AtomicInteger wakesA = new AtomicInteger();
        AtomicInteger wakesB = new AtomicInteger();
        Context a =
                Contexts.create(wakesA::incrementAndGet, () -> false, new DriverRuntime(driver));
        Context b =
                Contexts.create(wakesB::incrementAndGet, () -> false, new DriverRuntime(driver));

        // the driver sleeps (nothing armed): the first long arm reads the clock, arms directly
        int reads = clock.reads;
        assertFalse(new Sleep(Duration.ofSeconds(1)).poll(a).isReady());
        assertEquals(reads + 1, clock.reads);
        assertEquals(1, unparks.get(), "an earlier deadline unparks the driving thread");
        assertEquals(
                1_000_000, driver.fireExpired(), "a long arm keeps the driver reading every tick");

        reads = clock.reads;
        Future<Void> sleep = new Sleep(Duration.ofSeconds(1));
        assertFalse(sleep.poll(b).isReady());
        assertEquals(reads, clock.reads, "a deferred arm reads no clock");
        assertEquals(1, unparks.get(), "and wakes nobody");
        assertEquals(2, driver.armed());

        clock.nanos += 300_000; // the driver's reading comes after the arm
        assertEquals(700_000, driver.fireExpired());
        clock.nanos += 1_000_000_000L + 700_000 - 1; // 1 ns before the tick after 1 s past it
        driver.fireExpired();
        assertEquals(1, wakesA.get());
        assertEquals(0, wakesB.get(), "counted from the driver's reading, rounded up to the tick");
        clock.nanos += 1;
        driver.fireExpired();
        assertEquals(1, wakesB.get());
        assertTrue(sleep.poll(b).isReady());
        assertEquals(Long.MAX_VALUE, driver.fireExpired(), "nothing armed: no more ticking");
    }

    @Test
    void aDeferredArmCancelledBeforeTheDriverReadsNeverReachesTheWheel() {
        ManualClock clock = new ManualClock();
        TimerDriver driver = new TimerDriver(clock, () -> {}, new DriverMetrics(), true);
        AtomicInteger wakes = new AtomicInteger();
        Context cx =
                Contexts.create(wakes::incrementAndGet, () -> false, new DriverRuntime(driver));
        Future<Void> first = new Sleep(Duration.ofSeconds(5));
        first.poll(cx);
        driver.fireExpired(); // now reading every tick
        Future<Void> sleep = new Sleep(Duration.ofSeconds(5));
        sleep.poll(cx);
        assertTrue(sleep.toString().length() > 0);
        assertEquals(2, driver.armed());
        sleep.cancel();
        first.cancel();
        assertEquals(0, driver.armed());
        driver.fireExpired();
        assertEquals(Long.MAX_VALUE, driver.fireExpired(), "nothing armed, no more ticking");
        clock.nanos += Duration.ofSeconds(6).toNanos();
        driver.fireExpired();
        assertEquals(0, wakes.get());
    }

    /**
     * Deferred and direct arms, cancels and driver readings interleaved at random: no timer
     * fires before its delay has passed since its arm, and every one not cancelled fires.
     */
    @Test
    void noTimerFiresBeforeItsDelayWhateverTheReadingsInterleave() {
        for (long seed = 0; seed < 50; seed++) {
            Random r = new Random(seed);
            ManualClock clock = new ManualClock();
            TimerDriver driver = new TimerDriver(clock, () -> {}, new DriverMetrics(), true);
            List<long[]> fired = new ArrayList<>(); // {arm time, delay, fire time}
            List<Sleep> live = new ArrayList<>();
            int expected = 0;
            for (int step = 0; step < 400; step++) {
                clock.nanos += r.nextInt(3) == 0 ? r.nextInt(3_000_000) : r.nextInt(50_000);
                int what = r.nextInt(10);
                if (what < 5) {
                    long delay =
                            r.nextBoolean()
                                    ? TimerDriver.DEFER_MIN_NANOS + r.nextInt(5_000_000)
                                    : 1 + r.nextInt(5_000_000);
                    long armedAt = clock.nanos;
                    Sleep s = new Sleep(Duration.ofNanos(delay));
                    Context cx =
                            Contexts.create(
                                    () -> fired.add(new long[] {armedAt, delay, clock.nanos}),
                                    () -> false,
                                    new DriverRuntime(driver));
                    assertFalse(s.poll(cx).isReady());
                    live.add(s);
                    expected++;
                } else if (what < 7 && !live.isEmpty()) {
                    Sleep s = live.remove(r.nextInt(live.size()));
                    if (!s.toString().contains("fired")) {
                        s.cancel();
                        expected--;
                    }
                } else {
                    driver.fireExpired();
                }
            }
            for (int i = 0; i < 200; i++) {
                clock.nanos += 1_000_000;
                driver.fireExpired();
            }
            for (long[] f : fired) {
                assertTrue(
                        f[2] - f[0] >= f[1],
                        "seed "
                                + seed
                                + ": fired "
                                + (f[2] - f[0])
                                + " ns after an arm of "
                                + f[1]);
            }
            assertEquals(expected, fired.size(), "seed " + seed + ": every live timer fired once");
        }
    }
}
