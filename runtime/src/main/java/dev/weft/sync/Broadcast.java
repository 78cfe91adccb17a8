package dev.weft.sync;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.Waker;
import dev.weft.internal.context.Coop;
import dev.weft.internal.coroutine.Sneaky;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A multi-producer, multi-consumer channel in which every receiver sees every value, after
 * Tokio's {@code sync::broadcast} (Kotlin's {@code MutableSharedFlow} with a buffer and
 * {@code DROP_OLDEST}).
 *
 * <pre>{@code
 * Broadcast<Event> events = new Broadcast<>(64);
 * Broadcast.Receiver<Event> rx = events.subscribe();   // sees what is sent from now on
 *
 * static Future<Void> listen(Broadcast.Receiver<Event> rx) {
 *     while (true) {
 *         Event e;
 *         try {
 *             e = await(rx.receive());
 *         } catch (Broadcast.LaggedException lag) {
 *             log.warn("missed " + lag.skipped() + " events");
 *             continue;                            // goes on from the oldest value still kept
 *         }
 *         if (e == null) {
 *             return Future.done();               // closed, and every value seen
 *         }
 *         handle(e);
 *     }
 * }
 *
 * events.send(new Event("started"));              // never waits; any thread
 * }</pre>
 *
 * <h2>Choices, and why</h2>
 * <ul>
 *   <li><b>{@link #send} never waits.</b> The last {@code capacity} values are kept in a ring;
 *       a send overwrites the oldest. A slow receiver therefore never holds back the sender or
 *       the other receivers (Tokio's choice); instead it falls behind.
 *   <li><b>Falling behind is reported, once.</b> When values a receiver has not seen were
 *       overwritten, its next {@link Receiver#receive()} fails with a {@link LaggedException}
 *       that says how many it missed, and the receiver moves to the oldest value still kept:
 *       the receive after that returns it. Checked, like Tokio's {@code RecvError::Lagged} in a
 *       {@code Result}: a consumer that may lag has to decide what missing values mean.
 *   <li><b>A receiver sees the values sent after it subscribed</b>, none from before. A value
 *       sent while nobody is subscribed is dropped, and {@code send} says so by returning 0.
 *   <li><b>Closing</b> ({@link #close()}) is the sender side's end: later sends throw
 *       {@link ClosedChannelException}; receivers first get every value still kept for them,
 *       then null. A receiver may also leave on its own ({@link Receiver#close()}).
 *   <li><b>No null values</b>: null is the end, as for {@link Channel}.
 *   <li><b>Memory</b>: the ring keeps the last {@code capacity} values reachable until they
 *       are overwritten (Tokio releases a slot when its last receiver saw it; weft leaves that to
 *       the garbage collector once the broadcast itself is unreachable).
 * </ul>
 *
 * <p><b>Cancellation safety.</b> A receiver's position moves only in the poll that returns a
 * value (or reports a lag), so a {@code receive} cancelled at any point took nothing: the next
 * receive of that receiver returns the value the cancelled one would have. {@code send} does
 * not wait, so it has nothing to cancel.
 *
 * <p>A {@link Receiver} belongs to one consumer: its position is shared by all of its receives,
 * so two tasks receiving on one receiver split the values between them. Give each consumer its
 * own {@link #subscribe()}.
 *
 * <p>Implementation overview: one small lock guards the ring, the sequence numbers, every
 * receiver's position and the queue of waiting receives ({@code Waiter}'s protocol). Value
 * number {@code s} (counting from 0) lives in slot {@code s % capacity} while
 * {@code tail - capacity <= s < tail}. A receiver at position {@code next}:
 * <ol>
 *   <li>{@code next < tail - capacity}: it lagged; the receive reports {@code tail - capacity -
 *       next} and sets {@code next = tail - capacity};
 *   <li>{@code next < tail}: the receive returns slot {@code next % capacity}, {@code next++};
 *   <li>{@code next == tail}: closed ⇒ null; else the receive waits.
 * </ol>
 * A send writes slot {@code tail % capacity}, increments {@code tail}, unlinks every waiting
 * receive as GRANTED ("look again") and wakes them after unlocking. A GRANTED receive owns
 * nothing (the value stays in the ring), so cancelling it has nothing to pass on.
 *
 * @param <T> the element type
 */
public final class Broadcast<T> {

    /** Guards every field below, every receiver's position and every waiter's state and waker. */
    private final Object lock = new Object();

    /** The last {@code capacity} values; value number s is in slot {@code s % capacity}. */
    private final Object[] ring;

    /** Number of values ever sent (while someone was subscribed); the next one's number. */
    private long tail;

    /** Subscribed receivers that have not left. */
    private int receivers;

    /** Set by {@link #close()}; never unset. */
    private boolean closed;

    /** Receives waiting for the next send, of every receiver, oldest first. */
    private final WaiterQueue<Receive<T>> waiting = new WaiterQueue<>();

    /**
     * A broadcast channel that keeps the last {@code capacity} values for receivers that fell
     * behind.
     *
     * @param capacity how many values a receiver may fall behind before it lags; at least 1
     * @throws IllegalArgumentException when {@code capacity < 1}
     */
    public Broadcast(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.ring = new Object[capacity];
    }

    /**
     * Sends {@code value} to every current receiver, overwriting the oldest kept value when the
     * ring is full (receivers that had not seen it will lag). Never waits; any thread.
     *
     * @param value the value, not null
     * @return how many receivers will see it; 0 means nobody is subscribed and it was dropped
     * @throws ClosedChannelException when the broadcast is closed
     * @throws NullPointerException when {@code value} is null
     */
    public int send(T value) throws ClosedChannelException {
        Objects.requireNonNull(value, "broadcast values cannot be null");
        Waker first;
        List<Waker> rest = null;
        int seenBy;
        synchronized (lock) {
            if (closed) {
                throw new ClosedChannelException();
            }
            seenBy = receivers;
            if (seenBy == 0) {
                return 0;
            }
            ring[(int) (tail % ring.length)] = value;
            tail++;
            first = waiting.grantNext();
            rest = first == null ? null : waiting.grantRest();
        }
        Waiter.wakeAll(first, rest);
        return seenBy;
    }

    /**
     * A new receiver, positioned after the last value sent: it sees every value sent from now
     * on. Subscribing to a closed broadcast gives a receiver at its end.
     *
     * @return a new receiver
     */
    public Receiver<T> subscribe() {
        synchronized (lock) {
            Receiver<T> r = new Receiver<>(this, tail);
            if (closed) {
                r.left = true;
            } else {
                receivers++;
            }
            return r;
        }
    }

    /**
     * Closes the broadcast: later sends throw ClosedChannelException; each receiver gets what is
     * still kept for it, then null. Idempotent.
     */
    public void close() {
        Waker first;
        List<Waker> rest = null;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            first = waiting.grantNext();
            rest = first == null ? null : waiting.grantRest();
        }
        Waiter.wakeAll(first, rest);
    }

    /**
     * True once {@link #close()} was called.
     *
     * @return whether the broadcast is closed
     */
    public boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /**
     * How many receivers are subscribed and have not left: what {@link #send} returns now.
     *
     * @return the number of receivers
     */
    public int receiverCount() {
        synchronized (lock) {
            return receivers;
        }
    }

    /**
     * One subscriber's view of a {@link Broadcast}: its position in the sequence of values.
     * Used by one consumer at a time (see the class comment of {@link Broadcast}).
     *
     * @param <T> the element type
     */
    public static final class Receiver<T> implements AutoCloseable {

        private final Broadcast<T> owner;

        /** Number of the next value this receiver returns; guarded by the owner's lock. */
        private long next;

        /** Set by {@link #close()} (or subscribing after close); never unset. Owner's lock. */
        private boolean left;

        private Receiver(Broadcast<T> owner, long next) {
            this.owner = owner;
            this.next = next;
        }

        /**
         * A future of the next value this receiver has not seen, waiting while there is none;
         * null once the broadcast is closed and every value kept for this receiver was returned,
         * or once this receiver was closed. It fails with {@link LaggedException} when values
         * were overwritten before this receiver saw them; the receive after that returns the
         * oldest value still kept.
         *
         * @return a future of the next value, or of null at the end
         * @throws LaggedException never by this call: the future fails with it
         */
        public Future<T> receive() throws LaggedException {
            return new Receive<>(this);
        }

        /**
         * Leaves: the broadcast no longer counts this receiver, and its receives, waiting or
         * later, return null. Idempotent.
         */
        @Override
        public void close() {
            List<Waker> toWake = new ArrayList<>();
            synchronized (owner.lock) {
                if (left) {
                    return;
                }
                left = true;
                if (!owner.closed) {
                    owner.receivers--;
                }
                for (Waiter<?> w = owner.waiting.peek(); w != null; ) {
                    Waiter<?> after = w.next;
                    if (((Receive<?>) w).receiver == this) {
                        owner.waiting.remove(w);
                        w.state = Waiter.GRANTED;
                        Waker k = w.takeWaker();
                        if (k != null) {
                            toWake.add(k);
                        }
                    }
                    w = after;
                }
            }
            for (Waker k : toWake) {
                k.wake();
            }
        }
    }

    /** The future of one {@link Receiver#receive()}; its own waiter node. */
    private static final class Receive<T> extends Waiter<T> implements Future<T> {

        private final Receiver<T> receiver;

        /** The value of the ready poll; kept once DONE, as this node is its own ready poll. */
        private T value;

        Receive(Receiver<T> receiver) {
            this.receiver = receiver;
        }

        @Override
        T readyValue() {
            return value;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Poll<T> poll(Context cx) {
            if (!Coop.proceed(cx)) { // budget spent: Coop woke the task, nothing changed here
                return Poll.pending();
            }
            Broadcast<T> b = receiver.owner;
            long skipped = 0;
            synchronized (b.lock) {
                switch (state) {
                    case WAITING: // linked ⇒ nothing was sent and nothing closed since
                        waker = cx.waker();
                        return Poll.pending();
                    case IDLE:
                    case GRANTED:
                        break;
                    default:
                        throw new IllegalStateException(
                                "receive polled after it completed or was cancelled");
                }
                if (!receiver.left) {
                    long oldest = b.tail - b.ring.length;
                    if (receiver.next < oldest) {
                        skipped = oldest - receiver.next;
                        receiver.next = oldest;
                    } else if (receiver.next < b.tail) {
                        value = (T) b.ring[(int) (receiver.next % b.ring.length)];
                        receiver.next++;
                    } else if (!b.closed) {
                        waker = cx.waker();
                        b.waiting.add(this);
                        return Poll.pending();
                    }
                }
                state = DONE;
            }
            if (skipped > 0) {
                throw Sneaky.<RuntimeException>rethrow(new LaggedException(skipped));
            }
            return this; // ready: value() is the value (null: the end)
        }

        @Override
        public void cancel() {
            synchronized (receiver.owner.lock) {
                if (state == WAITING) {
                    receiver.owner.waiting.remove(this);
                }
                state = DONE; // a GRANTED receive owns nothing: the value stays in the ring
            }
        }
    }

    /**
     * A receiver fell behind: values it had not seen were overwritten. Thrown by the await of
     * {@link Receiver#receive()}; the receiver then continues from the oldest value still kept.
     * It carries no stack trace: it reports a condition of the data, not a place in the code.
     */
    public static final class LaggedException extends Exception {

        private static final long serialVersionUID = 1L;

        /** How many values were skipped. */
        private final long skipped;

        /**
         * A lag report.
         *
         * @param skipped how many values the receiver missed, at least 1
         */
        public LaggedException(long skipped) {
            super(
                    "receiver lagged behind: "
                            + skipped
                            + " values were overwritten before it saw them",
                    null,
                    false,
                    false);
            this.skipped = skipped;
        }

        /**
         * How many values the receiver missed.
         *
         * @return the number of skipped values, at least 1
         */
        public long skipped() {
            return skipped;
        }
    }
}
