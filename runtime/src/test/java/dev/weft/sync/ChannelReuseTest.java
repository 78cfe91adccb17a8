package dev.weft.sync;

import static dev.weft.testkit.AllocationMeter.allocated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.AsyncRuntime;
import dev.weft.AsyncStream;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.testkit.CountingWaker;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A task that sends or receives in a loop reuses its completed futures ({@code SpareFutures}),
 * never another task's, never off a worker, and never a stream's own receive.
 */
class ChannelReuseTest {

    private final AsyncRuntime rt = AsyncRuntime.builder().workers(1).build();

    @AfterEach
    void close() {
        rt.close();
    }

    interface Body<T> {
        T run(Context cx) throws Exception;
    }

    /** Runs {@code body} as the single poll of one task on the runtime's worker. */
    private <T> T inTask(Body<T> body) {
        Future<T> task =
                cx -> {
                    try {
                        return Poll.ready(body.run(cx));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                };
        return rt.blockOn(rt.spawn(task));
    }

    private static <T> T ready(Future<T> f, Context cx) {
        Poll<T> p = f.poll(cx);
        assertTrue(p.isReady(), "ready at its first poll");
        return p.value();
    }

    @Test
    void aTaskReusesItsCompletedSendAndReceive() {
        Channel<String> ch = Channel.bounded(4);
        List<Object> got =
                inTask(
                        cx -> {
                            Future<Void> s1 = ch.send("a");
                            ready(s1, cx);
                            Future<Void> s2 = ch.send("b");
                            ready(s2, cx);
                            Future<String> r1 = ch.receive();
                            String v1 = ready(r1, cx);
                            Future<String> r2 = ch.receive();
                            String v2 = ready(r2, cx);
                            return List.of(s1 == s2, r1 == r2, v1, v2);
                        });
        assertEquals(List.of(true, true, "a", "b"), got);
    }

    @Test
    void aReusedFutureWorksOnAnotherChannelAndWaitsAsANewOne() {
        Channel<String> first = Channel.unbounded();
        Channel<String> second = Channel.bounded(1);
        List<Object> got =
                inTask(
                        cx -> {
                            Future<String> r1 = first.receive();
                            first.trySend("x");
                            String v1 = ready(r1, cx);
                            Future<String> r2 = second.receive(); // the same object, re-armed
                            boolean waited = !r2.poll(cx).isReady();
                            second.trySend("y");
                            String v2 = ready(r2, cx);
                            return List.of(r1 == r2, v1, waited, v2);
                        });
        assertEquals(List.of(true, "x", true, "y"), got);
    }

    @Test
    void aCompletedFutureIsNotReusedByAnotherTask() {
        Channel<String> ch = Channel.unbounded();
        Future<Void> first =
                inTask(
                        cx -> {
                            Future<Void> s = ch.send("a");
                            ready(s, cx);
                            return s;
                        });
        Future<Void> second = inTask(cx -> ch.send("b")); // same worker, another task
        assertNotSame(first, second);
    }

    @Test
    void offAWorkerEverySendIsANewFuture() throws Exception {
        Channel<String> ch = Channel.unbounded();
        CountingWaker w = new CountingWaker();
        Future<Void> s1 = ch.send("a");
        w.ready(s1);
        assertNotSame(s1, ch.send("b"));
        Future<String> r1 = ch.receive();
        assertEquals("a", w.ready(r1));
        assertNotSame(r1, ch.receive());
    }

    @Test
    void aStreamsReceiveIsNeverHandedToAPlainReceive() {
        Channel<Integer> ch = Channel.unbounded();
        for (int i = 1; i <= 4; i++) {
            ch.trySend(i);
        }
        List<Integer> got =
                inTask(
                        cx -> {
                            AsyncStream<Integer> s = ch.stream();
                            List<Integer> out = new ArrayList<>();
                            assertTrue(ready(s.hasNext(), cx));
                            out.add(s.next());
                            out.add(ready(ch.receive(), cx));
                            assertTrue(ready(s.hasNext(), cx)); // re-arms the stream's own receive
                            out.add(s.next());
                            out.add(ready(ch.receive(), cx));
                            return out;
                        });
        assertEquals(List.of(1, 2, 3, 4), got);
    }

    /**
     * Sends and receives {@code 2 * n} messages one after another over a channel with room, the
     * shape of woven {@code await(ch.send(v)); await(ch.receive())}; measures the worker's
     * allocation over the second half. Several polls: the coop budget makes a leaf pending now
     * and then.
     */
    static final class PingSelf implements Future<Long> {
        private final Channel<Integer> ch = Channel.bounded(16);
        private final Integer v = 1000; // boxed once: the message's allocation is not the channel's
        private final int n;
        private int i;
        private Future<Void> sending;
        private Future<Integer> receiving;
        private long start;

        PingSelf(int n) {
            this.n = n;
        }

        @Override
        public Poll<Long> poll(Context cx) {
            while (i < 2 * n) {
                if (i == n && start == 0) {
                    start = allocated();
                }
                if (receiving == null) {
                    if (sending == null) {
                        try {
                            sending = ch.send(v);
                        } catch (ClosedChannelException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    if (!sending.poll(cx).isReady()) {
                        return Poll.pending();
                    }
                    sending = null;
                    receiving = ch.receive();
                }
                Poll<Integer> p = receiving.poll(cx);
                if (!p.isReady()) {
                    return Poll.pending();
                }
                assertEquals(v, p.value());
                receiving = null;
                i++;
            }
            return Poll.ready((allocated() - start) / n);
        }
    }

    @Test
    void readySendsAndReceivesInATaskAllocateNoFuturePerMessage() {
        long perMessage = rt.blockOn(rt.spawn(new PingSelf(20_000)));
        // before the spares: a send future (40 B) and a receive future (40 B) per message
        assertTrue(perMessage < 8, perMessage + " B per message");
    }
}
