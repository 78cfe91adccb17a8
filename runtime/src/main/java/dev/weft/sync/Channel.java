package dev.weft.sync;

import dev.weft.AsyncStream;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.Waker;
import dev.weft.internal.coroutine.Sneaky;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A multi-producer, multi-consumer queue between tasks, bounded or unbounded.
 *
 * <pre>{@code
 * Channel<String> lines = Channel.bounded(16);
 *
 * static Future<Void> produce(Channel<String> out) throws ClosedChannelException {
 *     for (String l : List.of("a", "b", "c")) {
 *         await(out.send(l));               // waits while 16 lines are queued
 *     }
 *     out.close();
 *     return Future.done();
 * }
 *
 * static Future<Integer> consume(Channel<String> in) {
 *     int n = 0;
 *     for (String l = await(in.receive()); l != null; l = await(in.receive())) {
 *         n++;                              // null: closed and drained
 *     }
 *     return Future.ready(n);
 * }
 * }</pre>
 *
 * <p>{@link #send} waits while the channel is full and fails with
 * {@link ClosedChannelException} once it is closed; {@link #receive} waits while it is empty
 * and returns null once it is closed and drained, which is why null elements are rejected.
 * Waiting senders and waiting receivers are each served in the order they started waiting, and a
 * sender never overtakes one that is already waiting.
 *
 * <p><b>Cancellation safety.</b>
 * <ul>
 *   <li>A cancelled {@code receive} never loses a message: a value already handed to it goes to
 *       the next waiting receiver, or back to the front of the queue. Such returned values may
 *       exceed the capacity for a moment; they are never dropped, not even after close.
 *   <li>A cancelled {@code send} never delivers half: its value enters the channel only during
 *       the poll that returns ready. If {@code cancel()} comes before that poll, the value was not
 *       delivered, and a slot that had been reserved for it passes to the next waiting sender.
 *   <li>A send that fails with ClosedChannelException delivered nothing.
 * </ul>
 * So {@code Async.timeout} and {@code Futures.race} may cancel either side at any time.
 *
 * <p><b>Rendezvous</b> ({@link #rendezvous()}, {@code bounded(0)}). There is no buffer: a value
 * passes from a send straight to a receive that is waiting for it, and the send is ready in the
 * poll that hands it over, never before. A send with no receiver waiting waits; a receive with
 * no sender waiting waits, and while it waits it is the room that the oldest waiting sender is
 * woken for. {@code trySend} succeeds only when a receiver is already waiting for it. The
 * cancellation rules above hold unchanged: a send cancelled before its ready poll handed nothing
 * over; a receive cancelled after a value was handed to it passes the value to the next waiting
 * receiver, or keeps it in the channel for the next receive (the one case in which a rendezvous
 * channel holds a value: it is never dropped).
 *
 * <p>Implementation overview: one small lock per channel guards the buffer, both waiter queues
 * and the counters; wakers are always woken after the lock is released. The protocol is in
 * {@code Waiter} (the wait protocol shared by every primitive) and below. Invariants, holding
 * whenever the lock is free:
 * <ol>
 *   <li>receivers are waiting ⇒ the buffer is empty;
 *   <li>senders are waiting ⇒ {@code buffer.size() + reserved >= capacity} (no room);
 *   <li>{@code reserved} = number of GRANTED senders that have neither polled nor cancelled.
 * </ol>
 *
 * <p><b>Channel protocol.</b>
 * <ol>
 *   <li>send, first poll: closed ⇒ fail. Else if no sender waits and a receiver waits, hand the
 *       value to the oldest receiver (step 3 above); if no sender waits and
 *       {@code buffer + reserved < capacity}, append it. Else link as a waiting sender.
 *   <li>receive, first poll (or after close): take the buffer's head if any and grant its
 *       freed slot to the oldest waiting sender ({@code reserved++}); else closed ⇒ null; else
 *       link as a waiting receiver.
 *   <li>a GRANTED sender owns a reserved slot, not a delivered value: its next poll un-reserves
 *       and delivers (to the oldest receiver, or the buffer), or fails if the channel closed
 *       meanwhile. So a send's value enters the channel only in the poll that returns ready,
 *       and a send cancelled before that poll delivered nothing; its slot passes to the next
 *       sender.
 *   <li>a GRANTED receiver owns a value: cancelled, it gives the value to the oldest waiting
 *       receiver, else to the front of the buffer (possibly above capacity for a moment).
 *   <li>close: set closed, unlink every waiting sender and receiver as CLOSED and wake them;
 *       senders then fail, receivers drain the buffer, then get null. GRANTED receivers keep
 *       their values.
 * </ol>
 * <p>Rendezvous (capacity 0) changes only what "room" means: the number of waiting receivers
 * that no GRANTED sender is on its way to ({@code receivers.size() > reserved}). So a receive
 * that starts waiting grants the oldest waiting sender (step 2); that sender's next poll hands
 * its value to the oldest waiting receiver, or, if every waiting receiver left or was served by
 * someone else meanwhile, links itself again at the head of the senders (it keeps its place in
 * line). Values reach the buffer only through step 4.
 *
 * <p>Each event frees at most one unit of room, so granting at most one sender per event keeps
 * "senders wait ⇒ no room" true; "receivers wait ⇒ buffer empty" holds because values go to
 * waiting receivers before the buffer.
 *
 * <p><b>Allocation.</b> A send or receive future is its own waiter node and a receive is its
 * own ready poll, so an operation allocates at most its future; and a task on a worker reuses
 * its completed futures for its next send and receive ({@code SpareFutures}), so a task that
 * sends or receives in a loop allocates none per message once it runs.
 *
 * @param <T> the element type
 */
public final class Channel<T> {

    /** Guards every field below and every waiter's state, value and waker. */
    private final Object lock = new Object();

    /** Maximum of {@code buffer.size() + reserved} for new sends; MAX_VALUE when unbounded. */
    private final int capacity;

    /** The queued values, oldest first. */
    private final ArrayDeque<T> buffer;

    /** Senders waiting for room, oldest first. */
    private final WaiterQueue<Send<T>> senders = new WaiterQueue<>();

    /** Receivers waiting for a value, oldest first. */
    private final WaiterQueue<Receive<T>> receivers = new WaiterQueue<>();

    /** Slots granted to woken senders that have not yet polled (see invariant 3). */
    private int reserved;

    /** Set by {@link #close()}; never unset. */
    private boolean closed;

    private Channel(int capacity) {
        this.capacity = capacity;
        this.buffer = new ArrayDeque<>(Math.min(capacity, 16));
    }

    /**
     * A channel holding at most {@code capacity} values; senders wait while it is full. Capacity 0
     * is a {@linkplain #rendezvous() rendezvous} channel.
     *
     * @param capacity at least 0
     * @param <T> the element type
     * @return a new open channel
     * @throws IllegalArgumentException when {@code capacity < 0}
     */
    public static <T> Channel<T> bounded(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException(
                    "capacity must be at least 0 (0: rendezvous): " + capacity);
        }
        return new Channel<>(capacity);
    }

    /**
     * A channel without a buffer (Kotlin's {@code Channel(RENDEZVOUS)}, Go's unbuffered channel):
     * a {@link #send} is ready only once a waiting {@link #receive} took its value, so the
     * sender knows a receiver has it. The same as {@code bounded(0)}; see "Rendezvous" in the
     * class comment.
     *
     * <pre>{@code
     * Channel<Job> handOff = Channel.rendezvous();
     * await(handOff.send(job));     // ready once a worker's receive took the job
     * }</pre>
     *
     * @param <T> the element type
     * @return a new open channel of capacity 0
     */
    public static <T> Channel<T> rendezvous() {
        return new Channel<>(0);
    }

    /**
     * A channel without a bound: {@link #send} is ready at its first poll unless closed.
     *
     * @param <T> the element type
     * @return a new open channel
     */
    public static <T> Channel<T> unbounded() {
        return new Channel<>(Integer.MAX_VALUE);
    }

    /**
     * A future that puts {@code value} into the channel, waiting while it is full. It fails with
     * {@link ClosedChannelException} if the channel is closed before it is ready (creating the
     * future never throws it; the declaration lets callers catch it around the await).
     *
     * <p>Inside a task on a worker, the future may be the same object as this task's previous
     * send future once that one completed (so sending in a loop allocates no future per
     * message): drop a send future once it completed, and do not cancel it after the task's next
     * send.
     *
     * @param value the value to send, not null
     * @return a future completing once the value is in the channel
     * @throws ClosedChannelException never by this call: the future fails with it
     * @throws NullPointerException when {@code value} is null
     */
    public Future<Void> send(T value) throws ClosedChannelException {
        Objects.requireNonNull(value, "channel elements cannot be null");
        Send<T> s = SpareFutures.takeSend();
        if (s == null) {
            return new Send<>(this, value);
        }
        s.rearm(this, value); // the same task's last send, completed: see SpareFutures
        return s;
    }

    /**
     * Puts {@code value} into the channel now if there is room and no sender is waiting.
     *
     * @param value the value to send, not null
     * @return false when the channel is full or closed
     * @throws NullPointerException when {@code value} is null
     */
    public boolean trySend(T value) {
        Objects.requireNonNull(value, "channel elements cannot be null");
        Waker w;
        synchronized (lock) {
            if (closed || !senders.isEmpty() || (capacity == 0 && !hasRoom())) {
                return false; // rendezvous: every waiting receiver may be promised to a granted
                // sender
            }
            if (receivers.isEmpty()) {
                if (!hasRoom()) {
                    return false;
                }
                buffer.addLast(value);
                return true;
            }
            w = receivers.poll().grant(value);
        }
        Waiter.wake(w);
        return true;
    }

    /**
     * A future for the next value, waiting while the channel is empty; null once closed and drained.
     *
     * <p>Inside a task on a worker, the future may be the same object as this task's previous
     * receive future once that one completed and the task asked for the next: as with {@link
     * #send}, drop a receive future (and its ready poll) once it completed.
     *
     * @return a future of the next value, or of null at the end
     */
    public Future<T> receive() {
        Receive<T> r = SpareFutures.takeReceive();
        if (r == null) {
            return new Receive<>(this, true);
        }
        r.rearm(this); // the same task's last receive, completed: see SpareFutures
        return r;
    }

    /**
     * The values of this channel as a stream, for one consumer: each {@code hasNext()} is a
     * {@link #receive}, answering false once the channel is closed and drained. Cancelling the
     * await of a {@code hasNext()} loses no value, as with {@code receive}; {@code cancel()}
     * stops this stream only (the channel stays open for its other receivers).
     *
     * <pre>{@code
     * AsyncStream<String> s = lines.stream();
     * while (await(s.hasNext())) System.out.println(s.next());
     * }</pre>
     *
     * @return a stream of the values received from this channel
     */
    public AsyncStream<T> stream() {
        return new ChannelStream<>(this);
    }

    /** For {@link ChannelStream}: a receive that the stream re-arms itself, never kept elsewhere. */
    Future<T> receiveForStream() {
        return new Receive<>(this, false);
    }

    /**
     * For {@link ChannelStream}: {@code done}, a receive of this channel that completed, made
     * ready to be polled again as a new receive, so a stream allocates no future per element.
     */
    Future<T> receiveAgain(Future<T> done) {
        Receive<T> r = (Receive<T>) done;
        synchronized (lock) {
            if (r.state != Waiter.DONE) {
                throw new IllegalStateException("receiveAgain: the receive is still in use");
            }
            r.state = Waiter.IDLE;
            r.value = null;
        }
        return r;
    }

    /**
     * Closes the channel: later and waiting sends fail with ClosedChannelException, receivers
     * drain what is queued and then get null. Idempotent.
     */
    public void close() {
        List<Waker> toWake = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            unlinkAll(senders, toWake);
            unlinkAll(receivers, toWake);
        }
        for (Waker w : toWake) {
            w.wake();
        }
    }

    /**
     * True once {@link #close()} was called.
     *
     * @return whether the channel is closed
     */
    public boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /**
     * Invariants 1 and 2 of the implementation overview (and a non-negative reservation count),
     * checked under the lock: their executable form, as ConcurrentHashMap's
     * {@code TreeBin.checkInvariants}. Package-private, so no caller outside {@code dev.weft.sync}
     * (the exhaustive interleaving test) can reach it.
     */
    boolean invariantsHold() {
        synchronized (lock) {
            return (receivers.isEmpty() || buffer.isEmpty())
                    && (senders.isEmpty() || !hasRoom())
                    && reserved >= 0;
        }
    }

    private static void unlinkAll(WaiterQueue<? extends Waiter<?>> q, List<Waker> toWake) {
        for (Waiter<?> w = q.poll(); w != null; w = q.poll()) {
            w.state = Waiter.CLOSED;
            Waker k = w.takeWaker();
            if (k != null) {
                toWake.add(k);
            }
        }
    }

    // ---- transitions; all called under the lock, each returns the one waker to wake after it ----

    /** Rendezvous: the room is the waiting receivers that no granted sender is on its way to. */
    private boolean hasRoom() {
        return capacity == 0 ? receivers.size() > reserved : buffer.size() + reserved < capacity;
    }

    /** Hands {@code v} to the oldest waiting receiver, or queues it at the back. */
    private Waker deliver(T v) {
        Receive<T> r = receivers.poll();
        if (r != null) {
            return r.grant(v);
        }
        buffer.addLast(v);
        return null;
    }

    /** Returns a value taken back from a cancelled receiver: to the oldest waiter, or the front. */
    private Waker putBack(T v) {
        Receive<T> r = receivers.poll();
        if (r != null) {
            return r.grant(v);
        }
        buffer.addFirst(v);
        return null;
    }

    /**
     * After an event that freed at most one unit of room: reserves it for the oldest waiting
     * sender. One grant per event keeps invariant 2, because each event frees at most one unit.
     */
    private Waker grantSender() {
        if (senders.isEmpty() || !hasRoom()) {
            return null;
        }
        Send<T> s = senders.poll();
        s.state = Waiter.GRANTED;
        reserved++;
        return s.takeWaker();
    }

    private static RuntimeException closedFailure() {
        return Sneaky.rethrow(new ClosedChannelException());
    }

    /** For task dumps: which channel (its identity, as Object.toString gives it) and its capacity; no lock. */
    private String describe() {
        return "Channel@"
                + Integer.toHexString(System.identityHashCode(this))
                + (capacity == Integer.MAX_VALUE ? " (unbounded)" : " (capacity " + capacity + ")");
    }

    /**
     * The future of one {@link #send}; its own waiter node. Static, with its channel in a field,
     * so that a completed one can be re-armed for the same task's next send on any channel
     * ({@link SpareFutures}). Once DONE, {@code waker} names the task that completed it.
     */
    static final class Send<T> extends WaitingFuture<Void>
            implements dev.weft.internal.dump.Awaited {

        /** The channel it sends on; set again when re-armed. */
        private Channel<T> ch;

        /** The value to deliver; cleared once delivered or given up. */
        private T value;

        /** A second sender granted by the delivering poll, woken by {@link #ready}. */
        private Waker nextSender;

        Send(Channel<T> ch, T value) {
            this.ch = ch;
            this.value = value;
        }

        /** Makes this completed send a new one; only its owner task, holding it alone, calls it. */
        void rearm(Channel<T> ch, T value) {
            this.ch = ch;
            this.value = value;
            waker = null;
            state = IDLE;
        }

        @Override
        public String describeAwait() {
            return "Channel.send() on " + ch.describe();
        }

        @Override
        public Poll<Void> poll(Context cx) {
            return pollWaiting(ch.lock, cx);
        }

        @Override
        public void cancel() {
            cancelWaiting(ch.lock);
        }

        @Override
        Waker complete(int s, Context cx) {
            Channel<T> ch = this.ch;
            if (s == GRANTED) {
                ch.reserved--; // the slot is this poll's to use or to give up
            }
            if (ch.closed) { // fails, delivering nothing
                state = DONE;
                value = null;
                throw closedFailure();
            }
            if (s == GRANTED) {
                if (ch.capacity == 0 && ch.receivers.isEmpty()) {
                    // rendezvous: the receivers it was granted for left or were served
                    // meanwhile; wait again, first in line, for the next one
                    waker = cx.waker();
                    ch.senders.addFirst(this);
                    return null;
                }
                Waker w = ch.deliver(value);
                value = null;
                if (ch.buffer.isEmpty()) { // went straight to a receiver: the slot is free again
                    nextSender = ch.grantSender();
                }
                return w;
            }
            // IDLE (a CLOSED send saw closed above)
            if (ch.senders.isEmpty()
                    && (ch.capacity == 0
                            ? ch.hasRoom()
                            : !ch.receivers.isEmpty() || ch.hasRoom())) {
                Waker w = ch.deliver(value);
                value = null;
                return w;
            }
            waitIn(ch.senders, cx);
            return null;
        }

        @Override
        WaiterQueue<?> queue() {
            return ch.senders;
        }

        @Override
        Waker passOn() {
            ch.reserved--;
            return ch.grantSender();
        }

        @Override
        void cancelled() {
            value = null;
        }

        @Override
        Poll<Void> ready(Context cx) {
            Waker n = nextSender;
            if (n != null) {
                nextSender = null;
                n.wake();
            }
            SpareFutures.keepSend(this, cx.waker());
            return Poll.ready(null);
        }

        @Override
        String operation() {
            return "send";
        }
    }

    /**
     * The future of one {@link #receive}; its own waiter node, and once DONE its own ready poll.
     * Static and re-armable as {@link Send}; once DONE, {@code waker} names the task that
     * completed it.
     */
    static final class Receive<T> extends WaitingFuture<T>
            implements dev.weft.internal.dump.Awaited {

        /** The channel it receives from; set again when re-armed. */
        private Channel<T> ch;

        /** The value handed over while GRANTED; kept once DONE, as this node is its own ready poll. */
        private T value;

        /** False for a stream's receive, which its {@link ChannelStream} re-arms itself. */
        private final boolean keepable;

        Receive(Channel<T> ch, boolean keepable) {
            this.ch = ch;
            this.keepable = keepable;
        }

        /** Makes this completed receive a new one; only its owner task, holding it alone, calls it. */
        void rearm(Channel<T> ch) {
            this.ch = ch;
            value = null;
            waker = null;
            state = IDLE;
        }

        @Override
        public String describeAwait() {
            return "Channel.receive() on " + ch.describe();
        }

        @Override
        T readyValue() {
            return value;
        }

        /** Under the lock: hands {@code v} to this unlinked waiter and returns its waker. */
        Waker grant(T v) {
            value = v;
            state = GRANTED;
            return takeWaker();
        }

        @Override
        public Poll<T> poll(Context cx) {
            return pollWaiting(ch.lock, cx);
        }

        @Override
        public void cancel() {
            cancelWaiting(ch.lock);
        }

        @Override
        Waker complete(int s, Context cx) {
            if (s == GRANTED) {
                return null; // the value is already here
            }
            // IDLE, or CLOSED (unlinked by close: drain what is left, then null)
            Channel<T> ch = this.ch;
            T v = ch.buffer.pollFirst();
            value = v;
            if (v != null) {
                return ch.grantSender();
            }
            if (ch.closed) {
                return null; // closed and drained: ready with null
            }
            waitIn(ch.receivers, cx);
            // rendezvous: this waiting receiver is the room a sender waits for
            return ch.capacity == 0 ? ch.grantSender() : null;
        }

        @Override
        WaiterQueue<?> queue() {
            return ch.receivers;
        }

        @Override
        Waker passOn() {
            Waker w = ch.putBack(value);
            value = null;
            return w;
        }

        @Override
        Poll<T> ready(Context cx) {
            if (keepable) {
                SpareFutures.keepReceive(this, cx.waker());
            }
            return this; // state is DONE, value() is the value (null: closed and drained)
        }

        @Override
        String operation() {
            return "receive";
        }
    }
}
