package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.testkit.CountingWaker;
import dev.weft.testkit.Interleavings;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Small-scope exhaustive check of {@link Broadcast}, explored by {@link Interleavings} as
 * {@link ChannelExhaustiveTest} is: every interleaving of up to four sends (values 1, 2, ...), one
 * close, and one receiver subscribed at the start (four sends, three cancellations, capacity 1 and
 * 2) or two, the second subscribing at any point, before or after close (two sends, one
 * cancellation each, capacity 1 so that they lag);
 * each receiver receives in a loop until it gets null, where each receive future is polled first
 * at any point, re-polled only after its waker was woken (a lost wake-up leaves it stuck and
 * fails the check) and may be cancelled at any point while pending (the loop then starts a new
 * receive). The scopes are as large as a run of seconds allows: the search replays every
 * interleaving without merging equal states. Checked at every step against a model: each value a receiver
 * gets is the next one after what it saw (so a cancelled receive lost nothing), a lag is
 * reported only when the receiver's next value was overwritten and moves it exactly to the
 * oldest value kept, null comes only after close and after every value, and send returns the
 * number of subscribed receivers; after every step, a waiting receive that has something to get
 * has been woken. At the end every receiver must have finished.
 */
class BroadcastExhaustiveTest {

    /** The scope of one run: set by each test before it explores. */
    private int sends;

    private int receiversN;
    private int maxCancels;

    /** Whether receiver 2 exists, subscribing at any point (else only receiver 1, from the start). */
    private boolean late;

    private static final int UNSUBSCRIBED = 0;
    private static final int NEW = 1;
    private static final int PENDING = 2;
    private static final int FINISHED = 3;

    // actions: 0 send, 1 close, 2 subscribe receiver 1, then per receiver i: 3 + 2i poll, 4 + 2i
    // cancel
    private static final int SEND = 0;
    private static final int CLOSE = 1;
    private static final int SUBSCRIBE = 2;

    private static final int MAX_STEPS = 60;

    /** One replay of an interleaving, checking the model after every step. */
    private final class World implements Interleavings.Model {
        final int capacity;
        final Broadcast<Integer> b;
        final List<Broadcast.Receiver<Integer>> rx = new ArrayList<>();
        final CountingWaker[] wakers = new CountingWaker[receiversN];
        final Future<?>[] futures = new Future<?>[receiversN];
        final int[] status = new int[receiversN];
        final int[] cancels = new int[receiversN];

        /** The number of the next value receiver i must return (values are 1, 2, 3). */
        final long[] expected = new long[receiversN];

        int sent;
        boolean closed;

        /** The interleaving so far, for failure messages only (built when one is needed). */
        final List<Integer> path = new ArrayList<>();

        World(int capacity) {
            this.capacity = capacity;
            b = new Broadcast<>(capacity);
            for (int i = 0; i < receiversN; i++) {
                wakers[i] = new CountingWaker();
                rx.add(null);
            }
            subscribe(0);
        }

        void subscribe(int i) {
            rx.set(i, b.subscribe());
            expected[i] = sent + 1;
            status[i] = NEW; // subscribed after close too: it must still end with null
            futures[i] = receiveOf(rx.get(i));
        }

        Future<Integer> receiveOf(Broadcast.Receiver<Integer> r) {
            try {
                return r.receive();
            } catch (Broadcast.LaggedException e) {
                throw new AssertionError("creating a receive never throws", e);
            }
        }

        int subscribed() {
            int n = 0;
            for (int i = 0; i < receiversN; i++) {
                if (status[i] != UNSUBSCRIBED && status[i] != FINISHED) {
                    n++;
                }
            }
            return n;
        }

        String where() {
            return " " + Interleavings.describe(path, BroadcastExhaustiveTest.this::describe);
        }

        /** A waiting receive that has something to get (a value, a lag, the end) must have been woken. */
        @Override
        public void checkStep() {
            for (int k = 0; k < receiversN; k++) {
                int i = k;
                if (status[i] == PENDING && (expected[i] <= sent || closed)) {
                    assertTrue(
                            wakers[i].wakes() > 0,
                            () -> "receiver " + (i + 1) + " not woken (lost wake-up) at" + where());
                }
            }
        }

        @Override
        public List<Integer> enabled() {
            List<Integer> out = new ArrayList<>();
            if (!closed && sent < sends) {
                out.add(SEND);
            }
            if (!closed) {
                out.add(CLOSE);
            }
            if (late && status[1] == UNSUBSCRIBED) {
                out.add(SUBSCRIBE);
            }
            for (int i = 0; i < receiversN; i++) {
                if (status[i] == NEW || (status[i] == PENDING && wakers[i].wakes() > 0)) {
                    out.add(3 + 2 * i);
                }
                if (status[i] == PENDING && cancels[i] < maxCancels) {
                    out.add(4 + 2 * i);
                }
            }
            return out;
        }

        @Override
        public void apply(int action) {
            path.add(action);
            if (action == SEND) {
                int expect = subscribed();
                int n;
                try {
                    n = b.send(++sent);
                } catch (ClosedChannelException e) {
                    throw new AssertionError("send before close failed at" + where(), e);
                }
                assertEquals(expect, n, () -> "send's receiver count at" + where());
                return;
            }
            if (action == CLOSE) {
                closed = true;
                b.close();
                return;
            }
            if (action == SUBSCRIBE) {
                subscribe(1);
                return;
            }
            int i = (action - 3) / 2;
            if ((action - 3) % 2 == 1) {
                futures[i].cancel();
                cancels[i]++;
                futures[i] = receiveOf(rx.get(i));
                status[i] = NEW;
                return;
            }
            wakers[i].takeWoken();
            long oldestKept = Math.max(1, sent - capacity + 1);
            Poll<?> p;
            try {
                p = futures[i].poll(wakers[i].cx);
            } catch (RuntimeException e) {
                throw e;
            } catch (Throwable t) {
                if (!(t instanceof Broadcast.LaggedException)) {
                    throw new AssertionError(t);
                }
                long skipped = ((Broadcast.LaggedException) t).skipped();
                assertTrue(
                        expected[i] < oldestKept,
                        () ->
                                "lag reported though value "
                                        + expected[i]
                                        + " is still kept, at"
                                        + where());
                assertEquals(oldestKept - expected[i], skipped, () -> "skipped count at" + where());
                expected[i] = oldestKept;
                futures[i] = receiveOf(rx.get(i));
                status[i] = NEW;
                return;
            }
            if (!p.isReady()) {
                assertTrue(
                        expected[i] > sent && !closed,
                        () ->
                                "receiver "
                                        + i
                                        + " waits though it has "
                                        + (closed ? "the end" : "value " + expected[i])
                                        + " to get, at"
                                        + where());
                status[i] = PENDING;
                return;
            }
            Object v = p.value();
            if (v == null) {
                assertTrue(closed, () -> "null before close at" + where());
                assertEquals(
                        sent + 1,
                        expected[i],
                        () -> "null before every value was seen at" + where());
                status[i] = FINISHED;
                return;
            }
            assertTrue(
                    expected[i] >= oldestKept,
                    () -> "value " + v + " returned though the receiver had lagged, at" + where());
            assertEquals(
                    expected[i],
                    (long) (Integer) v,
                    () -> "receiver " + i + " got the wrong value at" + where());
            expected[i]++;
            futures[i] = receiveOf(rx.get(i));
            status[i] = NEW;
        }

        @Override
        public void checkEnd() {
            for (int k = 0; k < receiversN; k++) {
                int i = k;
                assertEquals(
                        FINISHED,
                        status[i],
                        () -> "receiver " + i + " stuck (lost wake-up) at" + where());
            }
        }
    }

    @ParameterizedTest(name = "capacity {0}, {1} sends, {2} receivers, {3} cancels each")
    @CsvSource({"1, 4, 1, 3", "2, 4, 1, 3", "1, 2, 2, 1"})
    void everyInterleavingDeliversEveryValueOrReportsTheLag(
            int capacity, int sends, int receivers, int cancels) {
        this.sends = sends;
        this.receiversN = receivers;
        this.maxCancels = cancels;
        this.late = receivers == 2;
        long leaves = Interleavings.explore(() -> new World(capacity), MAX_STEPS, this::describe);
        assertTrue(leaves > 1000, "explored " + leaves);
        System.out.println(
                "[exhaustive] broadcast capacity "
                        + capacity
                        + ", "
                        + sends
                        + " sends, "
                        + receivers
                        + " receivers, "
                        + cancels
                        + " cancels each: "
                        + leaves
                        + " complete interleavings checked");
    }

    private String describe(int action) {
        if (action == SEND) {
            return "send";
        }
        if (action == CLOSE) {
            return "close";
        }
        if (action == SUBSCRIBE) {
            return "subscribe R2";
        }
        int i = (action - 3) / 2;
        return ((action - 3) % 2 == 0 ? "poll R" : "cancel R") + (i + 1);
    }
}
