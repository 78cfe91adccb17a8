package dev.weft.internal.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.internal.context.Contexts;
import dev.weft.internal.future.Sleep;
import dev.weft.internal.future.Timeout;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The timer leaves (Sleep, Timeout) as their own wheel entries, on a driver the test moves. */
class TimerLeafTest {

    /** Pending until {@link #value} is set; counts cancels. */
    private static final class Settable implements Future<String> {
        String value;
        int cancels;

        @Override
        public Poll<String> poll(Context cx) {
            return value != null ? Poll.ready(value) : Poll.pending();
        }

        @Override
        public void cancel() {
            cancels++;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final AtomicInteger unparks = new AtomicInteger();
    private final TimerDriver driver = new TimerDriver(clock, unparks::incrementAndGet);
    private final DriverRuntime rt = new DriverRuntime(driver);

    private Context context(AtomicInteger wakes) {
        return Contexts.create(wakes::incrementAndGet, () -> false, rt);
    }

    private void advance(Duration d) {
        clock.nanos += d.toNanos();
        driver.fireExpired();
    }

    @Test
    void timeoutOverAReadyFutureNeverTouchesTheWheel() {
        Settable inner = new Settable();
        inner.value = "now";
        Timeout<String> t = new Timeout<>(Duration.ofSeconds(1), inner);
        assertEquals("now", t.poll(context(new AtomicInteger())).value());
        t.cancel();
        assertEquals(0, driver.armed());
        assertEquals(0, unparks.get(), "nothing was registered, so nothing unparked the driver");
    }

    @Test
    void armedTimeoutIsItsOwnEntryAndDisarmsWhenTheInnerFutureWins() {
        Settable inner = new Settable();
        Timeout<String> t = new Timeout<>(Duration.ofSeconds(1), inner);
        AtomicInteger wakes = new AtomicInteger();
        Context cx = context(wakes);
        assertFalse(t.poll(cx).isReady());
        assertEquals(1, driver.armed());
        assertTrue(t.isLinked(), "the timeout itself sits in the wheel");
        inner.value = "in time";
        assertEquals("in time", t.poll(cx).value());
        assertEquals(0, driver.armed());
        advance(Duration.ofSeconds(2));
        assertEquals(0, wakes.get());
        assertEquals(0, inner.cancels);
    }

    @Test
    void expiredTimeoutWakesCancelsTheInnerFutureAndFails() {
        Settable inner = new Settable();
        Timeout<String> t = new Timeout<>(Duration.ofMillis(50), inner);
        AtomicInteger wakes = new AtomicInteger();
        Context cx = context(wakes);
        assertFalse(t.poll(cx).isReady());
        advance(Duration.ofMillis(49));
        assertEquals(0, wakes.get());
        advance(Duration.ofMillis(2));
        assertEquals(1, wakes.get());
        Throwable e = assertThrows(Throwable.class, () -> t.poll(cx));
        assertInstanceOf(TimeoutException.class, e);
        assertEquals(1, inner.cancels);
    }

    @Test
    void cancelledTimeoutDisarmsAndCancelsTheInnerFuture() {
        Settable inner = new Settable();
        Timeout<String> t = new Timeout<>(Duration.ofSeconds(1), inner);
        AtomicInteger wakes = new AtomicInteger();
        assertFalse(t.poll(context(wakes)).isReady());
        t.cancel();
        assertEquals(0, driver.armed());
        assertEquals(1, inner.cancels);
        advance(Duration.ofSeconds(2));
        assertEquals(0, wakes.get());
    }

    @Test
    void aRepollWithAnotherWakerMovesTheWakeToIt() {
        Sleep s = new Sleep(Duration.ofMillis(10));
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        assertFalse(s.poll(context(first)).isReady());
        assertFalse(s.poll(context(second)).isReady());
        advance(Duration.ofMillis(11));
        assertEquals(0, first.get());
        assertEquals(1, second.get());
        assertTrue(s.poll(context(second)).isReady());
    }

    @Test
    void repollsWithTheSameWakerAreWokenOnce() {
        Sleep s = new Sleep(Duration.ofMillis(10));
        AtomicInteger wakes = new AtomicInteger();
        Context cx = context(wakes);
        for (int i = 0; i < 3; i++) {
            assertFalse(s.poll(cx).isReady());
        }
        assertEquals(1, driver.armed(), "re-polls do not arm again");
        advance(Duration.ofMillis(11));
        assertEquals(1, wakes.get());
        assertTrue(s.poll(cx).isReady());
        assertTrue(s.poll(cx).isReady(), "a fired sleep stays ready");
    }

    @Test
    void zeroTimeoutOverAPendingFutureFailsAtOnceWithoutArming() {
        Settable inner = new Settable();
        Timeout<String> t = new Timeout<>(Duration.ZERO, inner);
        Throwable e = assertThrows(Throwable.class, () -> t.poll(context(new AtomicInteger())));
        assertInstanceOf(TimeoutException.class, e);
        assertEquals(1, inner.cancels);
        assertEquals(0, driver.armed());
    }
}
