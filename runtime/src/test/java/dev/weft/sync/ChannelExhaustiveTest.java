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
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Small-scope exhaustive check of the channel's state machine: every interleaving of three senders,
 * two receivers, one trySend and one close, where each future is polled first at any point,
 * re-polled only after its waker was woken (so a lost wake-up leaves it stuck and fails the
 * check) and may be cancelled at any point while pending. At the end of each interleaving the
 * channel is drained, and the check is: every value whose send returned ready (or trySend true)
 * came out exactly once; no value of a cancelled or failed send came out; nothing is stuck.
 * After every step the channel's own invariants must hold (waiting receivers ⇒ empty buffer,
 * waiting senders ⇒ no room), which catches a lost hand-over that close would otherwise hide.
 * For the rendezvous channel (capacity 0) also: every ready send handed its value to a receiver,
 * so values stay in the channel only as many as receivers were cancelled.
 */
class ChannelExhaustiveTest {

    /**
     * The scope: three senders and two receivers; two senders for the rendezvous channel, whose
     * senders and receivers both wait and wake each other (three took over five minutes).
     */
    private int senders;

    private int receivers;
    private int actors;
    private int closeAction;
    private int trySendAction;

    /** No interleaving of this scope is longer; a longer one is a livelock. */
    private static final int MAX_STEPS = 60;

    private static final int TRY_VALUE = 100;

    private static final int NEW = 0;
    private static final int PENDING = 1;
    private static final int FINISHED = 2;

    /** One replay of an interleaving. */
    private final class World implements Interleavings.Model {
        final int capacity;
        final Channel<Integer> ch;
        final CountingWaker[] wakers = new CountingWaker[actors];
        final Future<?>[] futures = new Future<?>[actors];
        final int[] status = new int[actors];
        final boolean[] delivered = new boolean[senders];
        final List<Integer> received = new ArrayList<>();
        boolean closed;
        boolean trySent;
        boolean tryDone;
        int nullsBeforeClose;
        int receiverCancels;

        /** The interleaving so far, for failure messages. */
        final List<Integer> path = new ArrayList<>();

        World(int capacity) {
            this.capacity = capacity;
            ch = capacity < 0 ? Channel.unbounded() : Channel.bounded(capacity);
            for (int i = 0; i < actors; i++) {
                wakers[i] = new CountingWaker();
                futures[i] = i < senders ? sendOf(ch, i + 1) : ch.receive();
            }
        }

        Future<Void> sendOf(Channel<Integer> ch, int v) {
            try {
                return ch.send(v);
            } catch (ClosedChannelException e) {
                throw new AssertionError("creating a send never throws", e);
            }
        }

        @Override
        public List<Integer> enabled() {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < actors; i++) {
                if (status[i] == NEW || (status[i] == PENDING && wakers[i].wakes() > 0)) {
                    out.add(2 * i);
                }
                if (status[i] == PENDING) {
                    out.add(2 * i + 1);
                }
            }
            if (!closed) {
                out.add(closeAction);
            }
            if (!tryDone) {
                out.add(trySendAction);
            }
            return out;
        }

        @Override
        public void apply(int action) {
            path.add(action);
            if (action == closeAction) {
                closed = true;
                ch.close();
                return;
            }
            if (action == trySendAction) {
                tryDone = true;
                trySent = ch.trySend(TRY_VALUE);
                return;
            }
            int i = action / 2;
            if (action % 2 == 1) {
                futures[i].cancel();
                status[i] = FINISHED;
                if (i >= senders) {
                    receiverCancels++;
                }
                return;
            }
            wakers[i].takeWoken();
            try {
                Poll<?> p = futures[i].poll(wakers[i].cx);
                if (!p.isReady()) {
                    status[i] = PENDING;
                    return;
                }
                status[i] = FINISHED;
                if (i < senders) {
                    delivered[i] = true;
                } else if (p.value() == null) {
                    if (!closed) {
                        nullsBeforeClose++;
                    }
                } else {
                    received.add((Integer) p.value());
                }
            } catch (RuntimeException e) {
                throw e;
            } catch (Throwable t) {
                if (!(t instanceof ClosedChannelException) || i >= senders) {
                    throw new AssertionError(t);
                }
                status[i] = FINISHED; // failed: delivered nothing
            }
        }

        @Override
        public void checkStep() {
            if (!ch.invariantsHold()) {
                throw new AssertionError(
                        "channel invariants broken after "
                                + Interleavings.describe(
                                        path, ChannelExhaustiveTest.this::describe));
            }
        }

        @Override
        public void checkEnd() {
            check(this);
        }
    }

    @ParameterizedTest(name = "capacity {0} (0 = rendezvous, -1 = unbounded)")
    @ValueSource(ints = {1, 2, -1, 0})
    void everyInterleavingLosesAndDuplicatesNothing(int capacity) {
        senders = capacity == 0 ? 2 : 3;
        receivers = 2;
        actors = senders + receivers;
        closeAction = 2 * actors;
        trySendAction = closeAction + 1;
        long leaves = Interleavings.explore(() -> new World(capacity), MAX_STEPS, this::describe);
        assertTrue(leaves > 1000, "explored " + leaves);
        System.out.println(
                "[exhaustive] channel capacity "
                        + (capacity < 0 ? "unbounded" : capacity == 0 ? "0 (rendezvous)" : capacity)
                        + ": "
                        + leaves
                        + " complete interleavings checked");
    }

    /** The end of an interleaving: nothing stuck, every delivered value out exactly once. */
    private void check(World w) {
        int capacity = w.capacity;
        String where =
                "capacity " + capacity + ", path " + Interleavings.describe(w.path, this::describe);
        for (int i = 0; i < actors; i++) {
            assertEquals(FINISHED, w.status[i], "actor " + i + " stuck (lost wake-up) at " + where);
        }
        assertEquals(0, w.nullsBeforeClose, "null before close at " + where);
        CountingWaker drain = new CountingWaker();
        List<Integer> out = new ArrayList<>(w.received);
        for (Integer v = drain.ready(w.ch.receive()); v != null; v = drain.ready(w.ch.receive())) {
            out.add(v);
        }
        Set<Integer> expected = new TreeSet<>();
        for (int i = 0; i < senders; i++) {
            if (w.delivered[i]) {
                expected.add(i + 1);
            }
        }
        if (w.trySent) {
            expected.add(TRY_VALUE);
        }
        assertEquals(
                expected.size(), out.size(), "lost or duplicated: out " + out + " at " + where);
        assertEquals(expected, new TreeSet<>(out), "wrong values at " + where);
        if (capacity == 0) {
            // rendezvous: a ready send handed its value to a waiting receiver; only a receiver
            // cancelled after that hand-over leaves a value in the channel
            int leftInChannel = out.size() - w.received.size();
            assertTrue(
                    leftInChannel <= w.receiverCancels,
                    leftInChannel
                            + " values stayed in a rendezvous channel after "
                            + w.receiverCancels
                            + " receiver cancellations at "
                            + where);
        }
    }

    private String describe(int a) {
        if (a == closeAction) {
            return "close";
        }
        if (a == trySendAction) {
            return "trySend";
        }
        int i = a / 2;
        String who = i < senders ? "S" + (i + 1) : "R" + (i - senders + 1);
        return (a % 2 == 0 ? "poll " : "cancel ") + who;
    }
}
