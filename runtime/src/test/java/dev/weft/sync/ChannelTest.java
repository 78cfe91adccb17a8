package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Future;
import dev.weft.Futures;
import dev.weft.testkit.CountingWaker;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Channel semantics by manual polling: ordering, waiting, closing and cancellation. */
class ChannelTest {

    private final CountingWaker a = new CountingWaker();
    private final CountingWaker b = new CountingWaker();
    private final CountingWaker c = new CountingWaker();

    @Test
    void valuesComeOutInOrder() throws Exception {
        Channel<Integer> ch = Channel.bounded(3);
        for (int i = 0; i < 3; i++) {
            a.ready(ch.send(i));
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(i, a.ready(ch.receive()));
        }
    }

    @Test
    void sendWaitsWhileFullAndIsWokenByReceive() throws Exception {
        Channel<String> ch = Channel.bounded(1);
        a.ready(ch.send("x"));
        Future<Void> s = ch.send("y");
        a.pending(s);
        assertFalse(ch.trySend("z"), "full");
        assertEquals("x", b.ready(ch.receive()));
        assertEquals(1, a.wakes());
        assertFalse(ch.trySend("z"), "the freed slot is reserved for the waiting sender");
        a.ready(s);
        assertEquals("y", b.ready(ch.receive()));
    }

    @Test
    void receiveWaitsWhileEmptyAndGetsTheValueHandedOver() throws Exception {
        Channel<String> ch = Channel.bounded(1);
        Future<String> r = ch.receive();
        a.pending(r);
        b.ready(ch.send("v"));
        assertEquals(1, a.wakes());
        b.ready(ch.send("w")); // the handed-over value took no buffer slot
        assertEquals("v", a.ready(r));
        assertEquals("w", a.ready(ch.receive()));
    }

    @Test
    void waitingReceiversAreServedInOrder() throws Exception {
        Channel<Integer> ch = Channel.unbounded();
        Future<Integer> r1 = ch.receive();
        Future<Integer> r2 = ch.receive();
        a.pending(r1);
        b.pending(r2);
        Future<Integer> late = ch.receive();
        c.pending(late);
        assertTrue(ch.trySend(1));
        assertTrue(ch.trySend(2));
        assertEquals(0, c.wakes());
        assertEquals(2, b.ready(r2));
        assertEquals(1, a.ready(r1));
        assertTrue(ch.trySend(3));
        assertEquals(3, c.ready(late));
    }

    @Test
    void waitingSendersAreServedInOrderAndNotOvertaken() throws Exception {
        Channel<Integer> ch = Channel.bounded(1);
        a.ready(ch.send(0));
        Future<Void> s1 = ch.send(1);
        Future<Void> s2 = ch.send(2);
        a.pending(s1);
        b.pending(s2);
        assertEquals(0, c.ready(ch.receive()));
        assertEquals(1, a.wakes());
        assertEquals(0, b.wakes());
        Future<Void> s3 = ch.send(3);
        c.pending(s3); // a newcomer waits behind s2
        a.ready(s1);
        assertEquals(1, c.ready(ch.receive()));
        b.ready(s2);
        assertEquals(2, a.ready(ch.receive()));
        c.ready(s3);
        assertEquals(3, a.ready(ch.receive()));
    }

    @Test
    void grantedSenderDeliveringToAWaitingReceiverPassesItsSlotOn() throws Exception {
        Channel<Integer> ch = Channel.bounded(1);
        a.ready(ch.send(0));
        Future<Void> s1 = ch.send(1);
        Future<Void> s2 = ch.send(2);
        a.pending(s1);
        b.pending(s2);
        assertEquals(0, c.ready(ch.receive())); // s1 granted the slot
        Future<Integer> r = ch.receive();
        c.pending(r); // buffer empty: waits
        a.ready(s1); // goes straight to r, so the slot is free again: s2 must be woken
        assertEquals(1, b.wakes());
        assertEquals(1, c.ready(r));
        b.ready(s2);
        assertEquals(2, c.ready(ch.receive()));
    }

    @Test
    void nullElementsAndBadCapacitiesAreRejected() throws Exception {
        Channel<String> ch = Channel.unbounded();
        assertThrows(NullPointerException.class, () -> ch.send(null));
        assertThrows(NullPointerException.class, () -> ch.trySend(null));
        assertThrows(IllegalArgumentException.class, () -> Channel.bounded(-1));
    }

    @Test
    void closeFailsSendersAndDrainsReceivers() throws Exception {
        Channel<String> ch = Channel.bounded(1);
        a.ready(ch.send("kept"));
        Future<Void> waiting = ch.send("lost");
        a.pending(waiting);
        Future<Void> created = ch.send("never");
        ch.close();
        ch.close();
        assertTrue(ch.isClosed());
        assertEquals(1, a.wakes());
        assertThrows(ClosedChannelException.class, () -> a.poll(waiting));
        assertThrows(ClosedChannelException.class, () -> a.poll(created));
        assertFalse(ch.trySend("x"));
        assertEquals("kept", b.ready(ch.receive()));
        assertNull(b.ready(ch.receive()));
        assertNull(b.ready(ch.receive()));
    }

    @Test
    void closeWakesWaitingReceiversWithNull() {
        Channel<String> ch = Channel.unbounded();
        Future<String> r = ch.receive();
        a.pending(r);
        ch.close();
        assertEquals(1, a.wakes());
        assertNull(a.ready(r));
    }

    @Test
    void grantedSenderFailsIfClosedBeforeItPolls() throws Exception {
        Channel<String> ch = Channel.bounded(1);
        a.ready(ch.send("first"));
        Future<Void> s = ch.send("second");
        a.pending(s);
        assertEquals("first", b.ready(ch.receive())); // s holds a reserved slot now
        ch.close();
        assertThrows(ClosedChannelException.class, () -> a.poll(s));
        assertNull(b.ready(ch.receive()), "a failed send delivered nothing");
    }

    @Test
    void pollUpdatesTheWaker() throws Exception {
        Channel<String> ch = Channel.unbounded();
        Future<String> r = ch.receive();
        a.pending(r);
        b.pending(r);
        ch.trySend("v");
        assertEquals(0, a.wakes());
        assertEquals(1, b.wakes());
        assertEquals("v", b.ready(r));
    }

    // ---- cancellation ----

    @Test
    void cancelledWaitingReceiverLeavesTheQueue() throws Exception {
        Channel<String> ch = Channel.unbounded();
        Future<String> r1 = ch.receive();
        Future<String> r2 = ch.receive();
        a.pending(r1);
        b.pending(r2);
        r1.cancel();
        r1.cancel();
        ch.trySend("v");
        assertEquals(0, a.wakes());
        assertEquals("v", b.ready(r2));
    }

    @Test
    void cancelledGrantedReceiverPassesTheValueToTheNextReceiver() throws Exception {
        Channel<String> ch = Channel.unbounded();
        Future<String> r1 = ch.receive();
        Future<String> r2 = ch.receive();
        a.pending(r1);
        b.pending(r2);
        ch.trySend("v");
        assertEquals(1, a.wakes());
        r1.cancel(); // cancelled after the hand-over, before it polled
        assertEquals(1, b.wakes());
        ch.trySend("w");
        assertEquals("v", b.ready(r2));
        assertEquals("w", c.ready(ch.receive()));
    }

    @Test
    void cancelledGrantedReceiverPutsTheValueBackAtTheFront() throws Exception {
        Channel<String> ch = Channel.bounded(1);
        Future<String> r = ch.receive();
        a.pending(r);
        ch.trySend("first");
        ch.trySend("second"); // buffered: the first went to r
        r.cancel();
        assertEquals("first", b.ready(ch.receive()));
        assertEquals("second", b.ready(ch.receive()));
    }

    @Test
    void cancelledGrantedReceiverKeepsTheValueEvenAfterClose() throws Exception {
        Channel<String> ch = Channel.unbounded();
        Future<String> r = ch.receive();
        a.pending(r);
        ch.trySend("v");
        ch.close();
        r.cancel();
        assertEquals("v", b.ready(ch.receive()));
        assertNull(b.ready(ch.receive()));
    }

    @Test
    void cancelledWaitingSenderDeliversNothing() throws Exception {
        Channel<String> ch = Channel.bounded(1);
        a.ready(ch.send("x"));
        Future<Void> s = ch.send("y");
        a.pending(s);
        s.cancel();
        assertEquals("x", b.ready(ch.receive()));
        ch.close();
        assertNull(b.ready(ch.receive()));
    }

    @Test
    void cancelledGrantedSenderDeliversNothingAndPassesTheSlotOn() throws Exception {
        Channel<String> ch = Channel.bounded(1);
        a.ready(ch.send("x"));
        Future<Void> s1 = ch.send("y");
        Future<Void> s2 = ch.send("z");
        a.pending(s1);
        b.pending(s2);
        assertEquals("x", c.ready(ch.receive()));
        assertEquals(1, a.wakes());
        s1.cancel(); // the race: granted a slot, cancelled before its poll
        assertEquals(1, b.wakes());
        b.ready(s2);
        assertEquals("z", c.ready(ch.receive()));
        ch.close();
        assertNull(c.ready(ch.receive()), "y was never delivered");
    }

    @Test
    void cancelAfterReadyDoesNothing() throws Exception {
        Channel<String> ch = Channel.unbounded();
        Future<Void> s = ch.send("v");
        a.ready(s);
        s.cancel();
        Future<String> r = ch.receive();
        assertEquals("v", a.ready(r));
        r.cancel();
        ch.close();
        assertNull(a.ready(ch.receive()));
    }

    @Test
    void raceLoserGrantedAValueGivesItBack() throws Exception {
        Channel<String> ch = Channel.unbounded();
        Oneshot<String> other = new Oneshot<>();
        Future<String> race = Futures.race(other.future(), ch.receive());
        a.pending(race);
        ch.trySend("v"); // handed to the race's receive
        other.complete("other"); // ... but the oneshot is polled first and wins
        assertEquals("other", a.ready(race));
        assertEquals("v", b.ready(ch.receive()));
    }

    @Test
    void timeoutOfReceiveAndSendLosesNothing() throws Exception {
        Channel<String> ch = Channel.bounded(1);
        try (AsyncRuntime rt = AsyncRuntime.currentThread()) {
            assertThrows(
                    TimeoutException.class,
                    () -> rt.blockOn(Async.timeout(Duration.ofMillis(5), ch.receive())));
            rt.blockOn(ch.send("a"));
            assertThrows(
                    TimeoutException.class,
                    () -> rt.blockOn(Async.timeout(Duration.ofMillis(5), ch.send("b"))));
            assertFalse(ch.trySend("never"), "full");
            assertEquals("a", rt.blockOn(ch.receive()));
            assertTrue(ch.trySend("c"), "the timed-out sender left no reservation behind");
            assertEquals("c", rt.blockOn(Async.timeout(Duration.ofSeconds(5), ch.receive())));
        }
    }
}
