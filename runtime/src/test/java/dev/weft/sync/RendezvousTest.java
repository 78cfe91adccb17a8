package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Future;
import dev.weft.testkit.CountingWaker;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rendezvous channel (capacity 0) by manual polling: hand-off, waiting, cancellation, close.
 * On the runtimes, with random cancellation: {@code ChannelStressTest}, capacity 0.
 */
class RendezvousTest {

    private final CountingWaker a = new CountingWaker();
    private final CountingWaker b = new CountingWaker();
    private final CountingWaker c = new CountingWaker();

    @Test
    void aSendWaitsUntilAReceiverTakesItsValue() throws Exception {
        Channel<String> ch = Channel.rendezvous();
        Future<Void> s = ch.send("x");
        a.pending(s);
        a.pending(s);
        assertFalse(ch.trySend("y"), "nobody waits to receive");
        Future<String> r = ch.receive();
        b.pending(r); // waiting, it is the room the sender was woken for
        assertEquals(1, a.wakes());
        a.ready(s); // the hand-over: ready in the poll that gives the value to r
        assertEquals(1, b.wakes());
        assertEquals("x", b.ready(r));
    }

    @Test
    void aWaitingReceiverTakesASendAtItsFirstPoll() throws Exception {
        Channel<Integer> ch = Channel.bounded(0);
        Future<Integer> r = ch.receive();
        a.pending(r);
        b.ready(ch.send(1));
        assertEquals(1, a.wakes());
        assertFalse(ch.trySend(2), "the only waiting receiver already has a value");
        assertEquals(1, a.ready(r));
        Future<Integer> r2 = ch.receive();
        a.pending(r2);
        assertTrue(ch.trySend(3));
        assertEquals(3, a.ready(r2));
    }

    @Test
    void sendersAreServedInOrder() throws Exception {
        Channel<Integer> ch = Channel.rendezvous();
        Future<Void> s1 = ch.send(1);
        Future<Void> s2 = ch.send(2);
        a.pending(s1);
        b.pending(s2);
        Future<Integer> r1 = ch.receive();
        Future<Integer> r2 = ch.receive();
        c.pending(r1);
        c.pending(r2);
        assertEquals(1, a.wakes());
        assertEquals(1, b.wakes());
        b.ready(s2); // the later sender polls first and takes the oldest receiver: still one value
        // each
        a.ready(s1);
        List<Integer> got = new ArrayList<>(List.of(c.ready(r1), c.ready(r2)));
        got.sort(null);
        assertEquals(List.of(1, 2), got);
    }

    @Test
    void aWokenSenderWhoseReceiverLeftWaitsAgainFirstInLine() throws Exception {
        Channel<Integer> ch = Channel.rendezvous();
        Future<Void> s1 = ch.send(1);
        a.pending(s1);
        Future<Integer> r = ch.receive();
        c.pending(r); // grants s1
        r.cancel(); // ... and leaves before s1 polls
        a.pending(s1); // waits again: it handed nothing over
        Future<Void> s2 = ch.send(2);
        b.pending(s2);
        Future<Integer> r2 = ch.receive();
        c.pending(r2);
        a.ready(s1); // s1 kept its place ahead of s2
        assertEquals(1, c.ready(r2));
        assertEquals(0, b.wakes());
    }

    @Test
    void aCancelledSendHandsNothingOver() throws Exception {
        Channel<Integer> ch = Channel.rendezvous();
        Future<Void> s1 = ch.send(1);
        Future<Void> s2 = ch.send(2);
        a.pending(s1);
        b.pending(s2);
        Future<Integer> r = ch.receive();
        c.pending(r); // grants s1
        s1.cancel(); // before its ready poll: the grant passes to s2
        assertEquals(1, b.wakes());
        b.ready(s2);
        assertEquals(2, c.ready(r));
    }

    @Test
    void aReceiveCancelledAfterTheHandOverKeepsTheValueInTheChannel() throws Exception {
        Channel<String> ch = Channel.rendezvous();
        Future<String> r = ch.receive();
        a.pending(r);
        b.ready(ch.send("kept"));
        r.cancel(); // the value was handed over but never seen
        assertEquals("kept", c.ready(ch.receive()), "the next receive gets it");
        Future<String> r1 = ch.receive();
        Future<String> r2 = ch.receive();
        a.pending(r1);
        c.pending(r2);
        b.ready(ch.send("passed"));
        r1.cancel();
        assertEquals(1, c.wakes());
        assertEquals("passed", c.ready(r2), "or the next waiting receiver gets it");
    }

    @Test
    void closeFailsWaitingAndWokenSendersAndEndsReceivers() throws Exception {
        Channel<Integer> ch = Channel.rendezvous();
        Future<Void> s1 = ch.send(1);
        Future<Void> s2 = ch.send(2);
        a.pending(s1);
        b.pending(s2);
        Future<Integer> r = ch.receive();
        c.pending(r); // grants s1
        ch.close();
        assertThrows(ClosedChannelException.class, () -> a.poll(s1));
        assertThrows(ClosedChannelException.class, () -> b.poll(s2));
        assertNull(c.ready(r));
        assertNull(c.ready(ch.receive()));
        assertFalse(ch.trySend(3));
    }
}
