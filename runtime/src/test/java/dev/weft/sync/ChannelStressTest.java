package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.AsyncRuntime;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Futures;
import dev.weft.JoinHandle;
import dev.weft.Poll;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Many producers and consumers on both executors, with sends and receives randomly cancelled by
 * races and timeouts. Every value is unique; a send that returned ready counts as delivered, one
 * that was cancelled as not. After the producers finish the channel is closed and the consumers
 * drain it: the values received must be exactly the values delivered, each once.
 */
@Tag("stress")
class ChannelStressTest {

    private static final int PRODUCERS = 4;
    private static final int CONSUMERS = 4;
    private static final int PER_PRODUCER = 3_000;

    /** Sends its values one after another, each send possibly interrupted. */
    private static final class Producer implements Future<Void> {
        private final Channel<Integer> ch;
        private final int base;
        private final SplittableRandom rnd;
        private final ConcurrentLinkedQueue<Integer> delivered;
        private final AtomicInteger gaveUp;
        private int i;
        private int value;
        private Future<Object> current;

        Producer(
                Channel<Integer> ch,
                int id,
                long seed,
                ConcurrentLinkedQueue<Integer> delivered,
                AtomicInteger gaveUp) {
            this.ch = ch;
            this.base = id * PER_PRODUCER;
            this.rnd = new SplittableRandom(seed);
            this.delivered = delivered;
            this.gaveUp = gaveUp;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            while (true) {
                if (current == null) {
                    if (i == PER_PRODUCER) {
                        return Poll.ready(null);
                    }
                    value = base + i++;
                    try {
                        current = Interrupters.maybeInterrupted(ch.send(value), rnd);
                    } catch (ClosedChannelException e) {
                        throw new AssertionError("creating a send never throws", e);
                    }
                }
                Poll<Object> p = current.poll(cx);
                if (!p.isReady()) {
                    return Poll.pending();
                }
                current = null;
                if (p.value() == Interrupters.GAVE_UP) {
                    gaveUp.incrementAndGet();
                } else {
                    delivered.add(value);
                }
            }
        }

        @Override
        public void cancel() {
            if (current != null) {
                current.cancel();
            }
        }
    }

    /** Receives until the channel is closed and drained, each receive possibly interrupted. */
    private static final class Consumer implements Future<Void> {
        private final Channel<Integer> ch;
        private final SplittableRandom rnd;
        private final ConcurrentLinkedQueue<Integer> received;
        private Future<Object> current;

        Consumer(Channel<Integer> ch, long seed, ConcurrentLinkedQueue<Integer> received) {
            this.ch = ch;
            this.rnd = new SplittableRandom(seed);
            this.received = received;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            while (true) {
                if (current == null) {
                    current = Interrupters.maybeInterrupted(ch.receive(), rnd);
                }
                Poll<Object> p = current.poll(cx);
                if (!p.isReady()) {
                    return Poll.pending();
                }
                current = null;
                Object v = p.value();
                if (v == null) {
                    return Poll.ready(null);
                }
                if (v != Interrupters.GAVE_UP) {
                    received.add((Integer) v);
                }
            }
        }

        @Override
        public void cancel() {
            if (current != null) {
                current.cancel();
            }
        }
    }

    @ParameterizedTest(name = "{0}, capacity {1} (0 = rendezvous, -1 = unbounded)")
    @CsvSource({
        "current-thread, 1", "current-thread, 16", "current-thread, -1", "current-thread, 0",
        "multi-thread, 1", "multi-thread, 16", "multi-thread, -1", "multi-thread, 0"
    })
    void nothingLostOrDuplicated(String kind, int capacity) {
        Channel<Integer> ch = capacity < 0 ? Channel.unbounded() : Channel.bounded(capacity);
        ConcurrentLinkedQueue<Integer> delivered = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> received = new ConcurrentLinkedQueue<>();
        AtomicInteger gaveUp = new AtomicInteger();
        long seed = System.nanoTime();
        try (AsyncRuntime rt = Interrupters.runtime(kind)) {
            List<JoinHandle<Void>> producers = new ArrayList<>();
            List<JoinHandle<Void>> consumers = new ArrayList<>();
            for (int c = 0; c < CONSUMERS; c++) {
                consumers.add(rt.spawn(new Consumer(ch, seed + 100 + c, received)));
            }
            for (int p = 0; p < PRODUCERS; p++) {
                producers.add(rt.spawn(new Producer(ch, p, seed + p, delivered, gaveUp)));
            }
            Interrupters.blockOnOrFail(rt, Futures.all(producers));
            ch.close();
            Interrupters.blockOnOrFail(rt, Futures.all(consumers));
        }
        BitSet seen = new BitSet();
        for (int v : received) {
            assertTrue(!seen.get(v), "duplicated " + v + " (seed " + seed + ")");
            seen.set(v);
        }
        BitSet expected = new BitSet();
        delivered.forEach(expected::set);
        BitSet lost = (BitSet) expected.clone();
        lost.andNot(seen);
        BitSet phantom = (BitSet) seen.clone();
        phantom.andNot(expected);
        assertTrue(
                lost.isEmpty() && phantom.isEmpty(),
                lost.cardinality()
                        + " delivered values lost (first "
                        + lost.nextSetBit(0)
                        + "), "
                        + phantom.cardinality()
                        + " undelivered values received (first "
                        + phantom.nextSetBit(0)
                        + "), seed "
                        + seed);
        assertEquals(PRODUCERS * PER_PRODUCER, delivered.size() + gaveUp.get());
        if (capacity == 1 || capacity == 0) {
            assertTrue(gaveUp.get() > 0, "some sends must have been cancelled while waiting");
        }
    }

    /** Sends {@code base + 0 .. base + n - 1} in order, never cancelled. */
    private static final class InOrder implements Future<Void> {
        private final Channel<Integer> ch;
        private final int base;
        private int i;
        private Future<Void> sending;

        InOrder(Channel<Integer> ch, int base) {
            this.ch = ch;
            this.base = base;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            while (true) {
                if (sending == null) {
                    if (i == PER_PRODUCER) {
                        return Poll.ready(null);
                    }
                    try {
                        sending = ch.send(base + i++);
                    } catch (ClosedChannelException e) {
                        throw new IllegalStateException(e);
                    }
                }
                if (!sending.poll(cx).isReady()) {
                    return Poll.pending();
                }
                sending = null;
            }
        }
    }

    /** Receives until closed; fails on the first value of a producer out of its order. */
    private static final class CheckOrder implements Future<Integer> {
        private final Channel<Integer> ch;
        private final int[] next = new int[PRODUCERS];
        private int count;
        private Future<Integer> receiving;

        CheckOrder(Channel<Integer> ch) {
            this.ch = ch;
        }

        @Override
        public Poll<Integer> poll(Context cx) {
            while (true) {
                if (receiving == null) {
                    receiving = ch.receive();
                }
                Poll<Integer> p = receiving.poll(cx);
                if (!p.isReady()) {
                    return Poll.pending();
                }
                receiving = null;
                Integer v = p.value();
                if (v == null) {
                    return Poll.ready(count);
                }
                int producer = v / PER_PRODUCER;
                assertEquals(
                        next[producer], v % PER_PRODUCER, "producer " + producer + " reordered");
                next[producer]++;
                count++;
            }
        }
    }

    /**
     * FIFO per producer under contention, with senders waiting (capacity 1), mostly not (16) and
     * never (unbounded): one consumer sees each producer's values in the order it sent them.
     */
    @ParameterizedTest(name = "{0}, capacity {1}")
    @CsvSource({"multi-thread, 1", "multi-thread, 16", "multi-thread, -1", "current-thread, 16"})
    void eachProducersValuesComeOutInItsOrder(String kind, int capacity) {
        Channel<Integer> ch = capacity < 0 ? Channel.unbounded() : Channel.bounded(capacity);
        try (AsyncRuntime rt = Interrupters.runtime(kind)) {
            JoinHandle<Integer> consumer = rt.spawn(new CheckOrder(ch));
            List<JoinHandle<Void>> producers = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                producers.add(rt.spawn(new InOrder(ch, p * PER_PRODUCER)));
            }
            Interrupters.blockOnOrFail(rt, Futures.all(producers));
            ch.close();
            assertEquals(PRODUCERS * PER_PRODUCER, Interrupters.blockOnOrFail(rt, consumer));
        }
    }
}
