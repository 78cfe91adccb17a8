package dev.weft.internal.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.internal.context.Contexts;
import dev.weft.internal.future.Sleep;
import java.time.Duration;
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
}
