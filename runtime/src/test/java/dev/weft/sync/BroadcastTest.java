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

/** Broadcast semantics by manual polling: fan-out, lag, waiting, cancellation, close. */
class BroadcastTest {

    private final CountingWaker a = new CountingWaker();
    private final CountingWaker b = new CountingWaker();

    @Test
    void everyReceiverSeesEveryValueSentAfterItSubscribed() throws Exception {
        Broadcast<String> bc = new Broadcast<>(4);
        Broadcast.Receiver<String> r1 = bc.subscribe();
        assertEquals(1, bc.send("a"));
        Broadcast.Receiver<String> r2 = bc.subscribe();
        assertEquals(2, bc.send("b"));
        assertEquals("a", a.ready(r1.receive()));
        assertEquals("b", a.ready(r1.receive()));
        assertEquals("b", b.ready(r2.receive()), "r2 subscribed after a");
        a.pending(r1.receive());
        assertEquals(2, bc.receiverCount());
    }

    @Test
    void aSendWithNobodySubscribedIsDropped() throws Exception {
        Broadcast<String> bc = new Broadcast<>(2);
        assertEquals(0, bc.send("lost"));
        Broadcast.Receiver<String> r = bc.subscribe();
        a.pending(r.receive());
    }

    @Test
    void aWaitingReceiveIsWokenBySendAndEveryWaiterIsWoken() throws Exception {
        Broadcast<Integer> bc = new Broadcast<>(2);
        Broadcast.Receiver<Integer> r1 = bc.subscribe();
        Broadcast.Receiver<Integer> r2 = bc.subscribe();
        Future<Integer> f1 = r1.receive();
        Future<Integer> f2 = r2.receive();
        a.pending(f1);
        b.pending(f2);
        bc.send(7);
        assertEquals(1, a.wakes());
        assertEquals(1, b.wakes());
        assertEquals(7, a.ready(f1));
        assertEquals(7, b.ready(f2));
    }

    @Test
    void aSlowReceiverLagsThenContinuesFromTheOldestKeptValue() throws Exception {
        Broadcast<Integer> bc = new Broadcast<>(2);
        Broadcast.Receiver<Integer> slow = bc.subscribe();
        Broadcast.Receiver<Integer> fast = bc.subscribe();
        for (int i = 1; i <= 5; i++) {
            bc.send(i);
            assertEquals(i, a.ready(fast.receive()), "a receiver that keeps up never lags");
        }
        Broadcast.LaggedException lag =
                assertThrows(Broadcast.LaggedException.class, () -> a.poll(slow.receive()));
        assertEquals(3, lag.skipped(), "1, 2 and 3 were overwritten");
        assertTrue(lag.getMessage().contains("3 values"), lag.getMessage());
        assertEquals(4, a.ready(slow.receive()));
        assertEquals(5, a.ready(slow.receive()));
        a.pending(slow.receive());
    }

    @Test
    void aCancelledReceiveTakesNothing() throws Exception {
        Broadcast<Integer> bc = new Broadcast<>(2);
        Broadcast.Receiver<Integer> r = bc.subscribe();
        Future<Integer> f = r.receive();
        a.pending(f);
        bc.send(1);
        f.cancel(); // woken, but cancelled before the poll that would have returned 1
        assertEquals(1, a.ready(r.receive()));
        Future<Integer> never = r.receive();
        never.cancel(); // cancelled before its first poll
        bc.send(2);
        assertEquals(2, a.ready(r.receive()));
    }

    @Test
    void closeEndsReceiversAfterWhatIsKeptForThem() throws Exception {
        Broadcast<Integer> bc = new Broadcast<>(2);
        Broadcast.Receiver<Integer> r1 = bc.subscribe();
        Broadcast.Receiver<Integer> r2 = bc.subscribe();
        Future<Integer> waiting = r2.receive();
        b.pending(waiting);
        bc.send(1);
        assertEquals(1, b.ready(waiting));
        Future<Integer> waiting2 = r2.receive();
        b.pending(waiting2);
        bc.close();
        bc.close();
        assertTrue(bc.isClosed());
        assertEquals(2, b.wakes());
        assertNull(b.ready(waiting2));
        assertThrows(ClosedChannelException.class, () -> bc.send(2));
        assertEquals(1, a.ready(r1.receive()), "kept values are still received after close");
        assertNull(a.ready(r1.receive()));
        assertNull(
                a.ready(bc.subscribe().receive()),
                "subscribing after close gives an ended receiver");
    }

    @Test
    void aReceiverThatLeavesIsNoLongerCountedAndItsWaitingReceiveEnds() throws Exception {
        Broadcast<Integer> bc = new Broadcast<>(2);
        Broadcast.Receiver<Integer> stays = bc.subscribe();
        Future<Integer> other = stays.receive();
        b.pending(other);
        Broadcast.Receiver<Integer> leaves = bc.subscribe();
        Future<Integer> f = leaves.receive();
        a.pending(f);
        leaves.close();
        leaves.close();
        assertEquals(1, a.wakes());
        assertEquals(0, b.wakes(), "only the leaving receiver's receive is woken");
        assertNull(a.ready(f));
        assertEquals(1, bc.receiverCount());
        assertEquals(1, bc.send(9));
        assertEquals(9, b.ready(other));
        assertNull(a.ready(leaves.receive()));
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Broadcast<String>(0));
        Broadcast<String> bc = new Broadcast<>(1);
        assertThrows(NullPointerException.class, () -> bc.send(null));
        assertFalse(bc.isClosed());
    }

    @Test
    void aReceiveIsPolledNoMoreAfterItCompleted() throws Exception {
        Broadcast<Integer> bc = new Broadcast<>(1);
        Broadcast.Receiver<Integer> r = bc.subscribe();
        bc.send(1);
        Future<Integer> f = r.receive();
        assertEquals(1, a.ready(f));
        assertThrows(IllegalStateException.class, () -> a.poll(f));
    }
}
