package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/** Mutex by manual polling: exclusion, FIFO hand-over, idempotent unlock, cancellation. */
class MutexTest {

    private final CountingWaker a = new CountingWaker();
    private final CountingWaker b = new CountingWaker();
    private final CountingWaker c = new CountingWaker();

    @Test
    void lockIsExclusiveAndHandedOverInOrder() {
        Mutex m = new Mutex();
        Mutex.Guard g = a.ready(m.lock());
        assertTrue(m.isLocked());
        Future<Mutex.Guard> l1 = m.lock();
        Future<Mutex.Guard> l2 = m.lock();
        b.pending(l1);
        c.pending(l2);
        assertNull(m.tryLock(), "tryLock never overtakes a waiter");
        g.close();
        assertEquals(1, b.wakes());
        assertEquals(0, c.wakes());
        Mutex.Guard g1 = b.ready(l1);
        g1.close();
        assertEquals(1, c.wakes());
        c.ready(l2).close();
        assertFalse(m.isLocked());
    }

    @Test
    void closingAGuardTwiceUnlocksOnce() {
        Mutex m = new Mutex();
        Mutex.Guard g = m.tryLock();
        assertNotNull(g);
        g.close();
        Mutex.Guard g2 = m.tryLock();
        assertNotNull(g2);
        g.close(); // stale guard: must not unlock g2's hold
        assertTrue(m.isLocked());
        assertNull(m.tryLock());
        g2.close();
        assertFalse(m.isLocked());
    }

    @Test
    void cancelledWaiterLeavesTheQueue() {
        Mutex m = new Mutex();
        Mutex.Guard g = m.tryLock();
        Future<Mutex.Guard> l1 = m.lock();
        Future<Mutex.Guard> l2 = m.lock();
        a.pending(l1);
        b.pending(l2);
        l1.cancel();
        g.close();
        assertEquals(0, a.wakes());
        assertEquals(1, b.wakes());
        b.ready(l2).close();
        assertFalse(m.isLocked());
    }

    @Test
    void grantedThenCancelledPassesTheLockOn() {
        Mutex m = new Mutex();
        Mutex.Guard g = m.tryLock();
        Future<Mutex.Guard> l1 = m.lock();
        Future<Mutex.Guard> l2 = m.lock();
        a.pending(l1);
        b.pending(l2);
        g.close(); // handed to l1 ...
        l1.cancel(); // ... which gives up before its poll
        assertEquals(1, b.wakes());
        b.ready(l2).close();
        assertFalse(m.isLocked());
    }

    @Test
    void grantedThenCancelledWithNobodyWaitingUnlocks() {
        Mutex m = new Mutex();
        Mutex.Guard g = m.tryLock();
        Future<Mutex.Guard> l = m.lock();
        a.pending(l);
        g.close();
        l.cancel();
        assertFalse(m.isLocked());
    }

    @Test
    void raceLoserGrantedTheLockPassesItOn() {
        Mutex m = new Mutex();
        Mutex.Guard g = m.tryLock();
        Oneshot<Object> other = new Oneshot<>();
        Future<Object> race = Futures.race(other.future(), m.lock());
        a.pending(race);
        g.close(); // granted to the race's lock
        other.complete("other"); // the oneshot is polled first and wins; the lock is cancelled
        assertEquals("other", a.ready(race));
        assertFalse(m.isLocked());
    }

    @Test
    void timedOutLockLeaksNothing() throws Exception {
        Mutex m = new Mutex();
        try (AsyncRuntime rt = AsyncRuntime.currentThread()) {
            Mutex.Guard g = rt.blockOn(m.lock());
            assertThrows(
                    TimeoutException.class,
                    () -> rt.blockOn(Async.timeout(Duration.ofMillis(5), m.lock())));
            g.close();
            assertFalse(m.isLocked());
            rt.blockOn(Async.timeout(Duration.ofSeconds(5), m.lock())).close();
            assertFalse(m.isLocked());
        }
    }
}
