package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Future;
import dev.weft.testkit.CountingWaker;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.api.Test;

/** Watch semantics by manual polling: latest value, change notification, cancellation, close. */
class WatchTest {

    private final CountingWaker a = new CountingWaker();
    private final CountingWaker b = new CountingWaker();

    @Test
    void aNewReceiverHasSeenTheCurrentValueAndWaitsForTheNext() throws Exception {
        Watch<String> w = new Watch<>("v0");
        Watch.Receiver<String> r = w.subscribe();
        assertEquals("v0", r.get());
        assertFalse(r.hasChanged());
        Future<Boolean> changed = r.changed();
        a.pending(changed);
        w.set("v1");
        assertEquals(1, a.wakes());
        assertTrue(r.hasChanged());
        assertTrue(a.ready(changed));
        assertEquals("v1", r.get());
        assertEquals("v1", w.get());
    }

    @Test
    void changesWhileAwayCoalesceIntoOne() throws Exception {
        Watch<Integer> w = new Watch<>(0);
        Watch.Receiver<Integer> r = w.subscribe();
        w.set(1);
        w.set(2);
        w.set(3);
        assertTrue(a.ready(r.changed()), "ready at its first poll");
        assertEquals(3, r.get(), "only the latest value");
        a.pending(r.changed());
    }

    @Test
    void getMarksTheVersionSeenSoOneChangeWakesOnce() throws Exception {
        Watch<Integer> w = new Watch<>(0);
        Watch.Receiver<Integer> r = w.subscribe();
        w.set(1);
        assertEquals(1, r.get()); // read without awaiting changed() first
        a.pending(r.changed());
    }

    @Test
    void aSetOfAnEqualValueIsStillAChange() throws Exception {
        Watch<String> w = new Watch<>("same");
        Watch.Receiver<String> r = w.subscribe();
        w.set("same");
        assertTrue(a.ready(r.changed()));
    }

    @Test
    void everyWaitingReceiverIsWoken() throws Exception {
        Watch<Integer> w = new Watch<>(0);
        Watch.Receiver<Integer> r1 = w.subscribe();
        Watch.Receiver<Integer> r2 = w.subscribe();
        Future<Boolean> c1 = r1.changed();
        Future<Boolean> c2 = r2.changed();
        a.pending(c1);
        b.pending(c2);
        w.set(5);
        assertEquals(1, a.wakes());
        assertEquals(1, b.wakes());
        assertTrue(a.ready(c1));
        assertTrue(b.ready(c2));
    }

    @Test
    void aCancelledChangedConsumesNothing() throws Exception {
        Watch<Integer> w = new Watch<>(0);
        Watch.Receiver<Integer> r = w.subscribe();
        Future<Boolean> c = r.changed();
        a.pending(c);
        w.set(1);
        c.cancel(); // woken, cancelled before the poll that would have returned true
        assertTrue(a.ready(r.changed()), "the next changed() reports the same change");
    }

    @Test
    void closeEndsReceiversThatSawTheLastVersionAndReportsAnUnseenOne() throws Exception {
        Watch<Integer> w = new Watch<>(0);
        Watch.Receiver<Integer> upToDate = w.subscribe();
        Watch.Receiver<Integer> behind = w.subscribe();
        Future<Boolean> waiting = upToDate.changed();
        a.pending(waiting);
        w.set(1);
        assertTrue(a.ready(waiting));
        assertEquals(1, upToDate.get());
        Future<Boolean> waiting2 = upToDate.changed();
        a.pending(waiting2);
        w.close();
        w.close();
        assertTrue(w.isClosed());
        assertEquals(2, a.wakes());
        assertFalse(a.ready(waiting2));
        assertTrue(b.ready(behind.changed()), "a change made before close is still reported");
        assertEquals(1, behind.get());
        assertFalse(b.ready(behind.changed()));
        assertThrows(ClosedChannelException.class, () -> w.set(2));
        assertEquals(1, w.get(), "the value stays readable");
        assertFalse(a.ready(w.subscribe().changed()));
    }

    @Test
    void nullValuesAreAllowed() throws Exception {
        Watch<String> w = new Watch<>(null);
        Watch.Receiver<String> r = w.subscribe();
        assertNull(r.get());
        w.set("x");
        w.set(null);
        assertTrue(a.ready(r.changed()));
        assertNull(r.get());
    }

    @Test
    void aChangedIsPolledNoMoreAfterItCompleted() throws Exception {
        Watch<Integer> w = new Watch<>(0);
        Watch.Receiver<Integer> r = w.subscribe();
        w.set(1);
        Future<Boolean> c = r.changed();
        assertTrue(a.ready(c));
        assertThrows(IllegalStateException.class, () -> a.poll(c));
    }
}
