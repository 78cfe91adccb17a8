package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Future;
import dev.weft.testkit.CountingWaker;
import org.junit.jupiter.api.Test;

/** Notify by manual polling: the stored permit, notifyWaiters, cancellation. */
class NotifyTest {

    private final CountingWaker a = new CountingWaker();
    private final CountingWaker b = new CountingWaker();
    private final CountingWaker c = new CountingWaker();

    @Test
    void notifyOneWithNobodyWaitingStoresOnePermit() {
        Notify n = new Notify();
        n.notifyOne();
        n.notifyOne();
        a.ready(n.notified());
        a.pending(n.notified()); // permits do not add up
    }

    @Test
    void notifyOneWakesTheOldestWaiter() {
        Notify n = new Notify();
        Future<Void> f1 = n.notified();
        Future<Void> f2 = n.notified();
        a.pending(f1);
        b.pending(f2);
        n.notifyOne();
        assertEquals(1, a.wakes());
        assertEquals(0, b.wakes());
        a.ready(f1);
        b.pending(f2);
        n.notifyOne();
        b.ready(f2);
        c.pending(n.notified()); // no permit was stored
    }

    @Test
    void notifyWaitersReleasesAllPresentAndStoresNoPermit() {
        Notify n = new Notify();
        Future<Void> f1 = n.notified();
        Future<Void> f2 = n.notified();
        Future<Void> unpolled = n.notified();
        a.pending(f1);
        b.pending(f2);
        n.notifyWaiters();
        assertEquals(1, a.wakes());
        assertEquals(1, b.wakes());
        a.ready(f1);
        b.ready(f2);
        c.ready(unpolled); // created before the call: released too, as Tokio's
        c.pending(n.notified());
    }

    @Test
    void grantedByNotifyOneThenCancelledPassesItOn() {
        Notify n = new Notify();
        Future<Void> f1 = n.notified();
        Future<Void> f2 = n.notified();
        a.pending(f1);
        b.pending(f2);
        n.notifyOne();
        f1.cancel();
        assertEquals(1, b.wakes());
        b.ready(f2);
        Future<Void> f3 = n.notified();
        c.pending(f3);
        n.notifyOne();
        f3.cancel(); // nobody else waits: becomes the stored permit
        a.ready(n.notified());
    }

    @Test
    void cancelledWaiterIsNotNotified() {
        Notify n = new Notify();
        Future<Void> f1 = n.notified();
        Future<Void> f2 = n.notified();
        a.pending(f1);
        b.pending(f2);
        f1.cancel();
        n.notifyOne();
        assertEquals(0, a.wakes());
        b.ready(f2);
    }

    @Test
    void grantedByNotifyWaitersThenCancelledIsNotPassedOn() {
        Notify n = new Notify();
        Future<Void> f1 = n.notified();
        a.pending(f1);
        n.notifyWaiters();
        f1.cancel();
        b.pending(n.notified());
    }
}
