package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Future;
import dev.weft.Futures;
import dev.weft.testkit.CountingWaker;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Semaphore by manual polling: counting, FIFO, cancellation racing grants. */
class SemaphoreTest {

    private final CountingWaker a = new CountingWaker();
    private final CountingWaker b = new CountingWaker();
    private final CountingWaker c = new CountingWaker();

    @Test
    void permitsAreCounted() {
        Semaphore s = new Semaphore(2);
        a.ready(s.acquire());
        assertTrue(s.tryAcquire());
        assertFalse(s.tryAcquire());
        Future<Void> w = s.acquire();
        b.pending(w);
        s.release();
        assertEquals(1, b.wakes());
        assertEquals(0, s.availablePermits(), "the released permit went to the waiter");
        b.ready(w);
        s.release();
        s.release();
        assertEquals(2, s.availablePermits());
        assertThrows(IllegalArgumentException.class, () -> new Semaphore(-1));
    }

    @Test
    void waitersAreServedInOrderAndNotOvertaken() {
        Semaphore s = new Semaphore(0);
        Future<Void> w1 = s.acquire();
        Future<Void> w2 = s.acquire();
        a.pending(w1);
        b.pending(w2);
        s.release();
        assertFalse(s.tryAcquire());
        Future<Void> late = s.acquire();
        c.pending(late);
        assertEquals(1, a.wakes());
        assertEquals(0, b.wakes());
        a.ready(w1);
        s.release();
        b.ready(w2);
        s.release();
        c.ready(late);
    }

    @Test
    void grantedThenCancelledPassesThePermitOn() {
        Semaphore s = new Semaphore(0);
        Future<Void> w1 = s.acquire();
        Future<Void> w2 = s.acquire();
        a.pending(w1);
        b.pending(w2);
        s.release();
        w1.cancel();
        w1.cancel();
        assertEquals(1, b.wakes());
        b.ready(w2);
        assertEquals(0, s.availablePermits());
        Future<Void> w3 = s.acquire();
        c.pending(w3);
        s.release();
        w3.cancel();
        assertEquals(1, s.availablePermits(), "with nobody waiting the permit is free again");
    }

    @Test
    void raceAndTimeoutLeakNoPermit() throws Exception {
        Semaphore s = new Semaphore(0);
        Oneshot<Object> other = new Oneshot<>();
        Future<Object> race = Futures.race(other.future(), s.acquire());
        a.pending(race);
        s.release();
        other.complete("other");
        assertEquals("other", a.ready(race));
        assertEquals(1, s.availablePermits());
        assertTrue(s.tryAcquire());
        try (AsyncRuntime rt = AsyncRuntime.currentThread()) {
            assertThrows(
                    TimeoutException.class,
                    () -> rt.blockOn(Async.timeout(Duration.ofMillis(5), s.acquire())));
            s.release();
            assertEquals(1, s.availablePermits());
            rt.blockOn(Async.timeout(Duration.ofSeconds(5), s.acquire()));
            assertEquals(0, s.availablePermits());
        }
    }
}
