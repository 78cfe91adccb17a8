package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.AsyncRuntime;
import dev.weft.AsyncStream;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.testkit.CountingWaker;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Channel.stream(): receives until closed and drained, cancellation-safe like receive. */
class ChannelStreamTest {

    private final CountingWaker a = new CountingWaker();

    @Test
    void receivesUntilClosedAndDrained() throws Exception {
        Channel<Integer> ch = Channel.bounded(4);
        for (int i = 0; i < 3; i++) {
            a.ready(ch.send(i));
        }
        ch.close();
        AsyncStream<Integer> s = ch.stream();
        for (int i = 0; i < 3; i++) {
            assertTrue(a.ready(s.hasNext()));
            assertEquals(i, s.next());
        }
        assertFalse(a.ready(s.hasNext()));
        assertFalse(a.ready(s.hasNext()), "stays at the end");
        assertThrows(NoSuchElementException.class, s::next);
    }

    @Test
    void aPendingHasNextIsWokenBySendAndByClose() throws Exception {
        Channel<String> ch = Channel.bounded(1);
        AsyncStream<String> s = ch.stream();
        a.pending(s.hasNext());
        assertTrue(ch.trySend("x"));
        assertEquals(1, a.wakes());
        assertTrue(a.ready(s.hasNext()));
        assertEquals("x", s.next());
        a.pending(s.hasNext());
        ch.close();
        assertEquals(2, a.wakes());
        assertFalse(a.ready(s.hasNext()));
    }

    @Test
    void oneFutureAndOneReceiveServeEveryElement() throws Exception {
        Channel<Integer> ch = Channel.unbounded();
        AsyncStream<Integer> s = ch.stream();
        Future<Boolean> h = s.hasNext();
        for (int i = 0; i < 100; i++) {
            assertTrue(ch.trySend(i));
            assertSame(h, s.hasNext());
            assertTrue(a.ready(h));
            assertEquals(i, s.next());
        }
        assertEquals(List.of(), drainByReceive(ch), "nothing left behind");
    }

    @Test
    void anAbandonedHasNextLosesNoValue() throws Exception {
        Channel<String> ch = Channel.bounded(2);
        AsyncStream<String> s = ch.stream();
        Future<Boolean> h = s.hasNext();
        a.pending(h);
        assertTrue(ch.trySend("v")); // handed to the stream's waiting receive
        assertTrue(ch.trySend("w"));
        h.cancel(); // e.g. a timeout around await(s.hasNext()) fired
        assertEquals("v", a.ready(ch.receive()), "the value went back to the front");
        assertTrue(a.ready(s.hasNext()), "the stream goes on after an abandoned hasNext");
        assertEquals("w", s.next());
    }

    @Test
    void cancelStopsTheStreamAndPassesAHandedValueOn() throws Exception {
        Channel<String> ch = Channel.bounded(2);
        AsyncStream<String> s = ch.stream();
        a.pending(s.hasNext());
        CountingWaker b = new CountingWaker();
        Future<String> other = ch.receive();
        b.pending(other);
        assertTrue(ch.trySend("v")); // to the stream's receive, the older waiter
        s.cancel();
        assertEquals(1, b.wakes(), "passed on to the next waiting receiver");
        assertEquals("v", b.ready(other));
        assertFalse(a.ready(s.hasNext()), "a cancelled stream is at its end");
        assertFalse(ch.isClosed(), "the channel stays open for its other receivers");
    }

    @Test
    void consumedOnARuntimeWhileAnotherTaskSends() {
        Channel<Integer> ch = Channel.bounded(3);
        try (AsyncRuntime rt = AsyncRuntime.create()) {
            rt.spawn(new Producer(ch, 5000));
            List<Integer> got = rt.blockOn(new Collect(ch.stream()));
            assertEquals(5000, got.size());
            for (int i = 0; i < got.size(); i++) {
                assertEquals(i, got.get(i));
            }
        }
    }

    private List<Integer> drainByReceive(Channel<Integer> ch) {
        ch.close();
        List<Integer> rest = new ArrayList<>();
        for (Integer v = a.ready(ch.receive()); v != null; v = a.ready(ch.receive())) {
            rest.add(v);
        }
        return rest;
    }

    /** Sends 0 .. n-1, then closes; by hand. */
    private static final class Producer implements Future<Void> {
        private final Channel<Integer> ch;
        private final int n;
        private int i;
        private Future<Void> sending;

        Producer(Channel<Integer> ch, int n) {
            this.ch = ch;
            this.n = n;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            try {
                while (i < n) {
                    if (sending == null) {
                        sending = ch.send(i);
                    }
                    if (!sending.poll(cx).isReady()) {
                        return Poll.pending();
                    }
                    sending = null;
                    i++;
                }
            } catch (java.nio.channels.ClosedChannelException e) {
                throw new AssertionError(e);
            }
            ch.close();
            return Poll.ready(null);
        }
    }

    /** {@code while (await(s.hasNext())) out.add(s.next());}, by hand. */
    private static final class Collect implements Future<List<Integer>> {
        private final AsyncStream<Integer> s;
        private final List<Integer> out = new ArrayList<>();

        Collect(AsyncStream<Integer> s) {
            this.s = s;
        }

        @Override
        public Poll<List<Integer>> poll(Context cx) {
            for (; ; ) {
                Poll<Boolean> p = s.hasNext().poll(cx);
                if (!p.isReady()) {
                    return Poll.pending();
                }
                if (!p.value()) {
                    return Poll.ready(out);
                }
                out.add(s.next());
            }
        }
    }
}
