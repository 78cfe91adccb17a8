package dev.weft.sync;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.Waker;
import dev.weft.internal.context.Coop;
import java.nio.channels.ClosedChannelException;
import java.util.List;

/**
 * One value that changes over time, and receivers that wait for it to change, after Tokio's
 * {@code sync::watch} (Kotlin's {@code MutableStateFlow}): configuration, a health status, the
 * latest progress of a job.
 *
 * <pre>{@code
 * Watch<Config> config = new Watch<>(Config.defaults());
 * Watch.Receiver<Config> rx = config.subscribe();
 *
 * static Future<Void> follow(Watch.Receiver<Config> rx) {
 *     apply(rx.get());                          // the current value, marked seen
 *     while (await(rx.changed())) {              // false: closed, and nothing newer to see
 *         apply(rx.get());                       // the latest; changes in between are skipped
 *     }
 *     return Future.done();
 * }
 *
 * config.set(reloaded);                          // never waits; any thread
 * }</pre>
 *
 * <h2>Choices, and why</h2>
 * <ul>
 *   <li><b>Only the latest value counts.</b> {@link #set} replaces it and never waits; a
 *       receiver that was away while it changed three times sees one change and the last value.
 *       Use {@link Broadcast} when every value matters.
 *   <li><b>Seen versions, not seen values.</b> Each {@code set} is a new version, even with an
 *       equal value (Tokio's {@code send}; StateFlow instead skips equal values, which needs
 *       {@code equals} on every set). {@link Receiver#changed()} is ready once the watch holds a
 *       version the receiver has not seen, and marks it seen; {@link Receiver#get()} returns the
 *       latest value and marks its version seen (Tokio's {@code borrow_and_update}), so the loop
 *       above never wakes twice for one change. A new receiver has seen the current version.
 *   <li><b>{@code changed()} is a {@code Future<Boolean>}</b>, false at the end, so the loop
 *       needs no exception handling (Tokio returns an error once the sender is gone; weft
 *       follows {@code AsyncStream.hasNext()}). The end is when the watch is closed and the
 *       receiver has seen the last version: a change made before {@link #close()} is still
 *       reported.
 *   <li><b>Null values are allowed</b> ({@code changed()} does not carry the value).
 *   <li><b>Closing</b> freezes the value: {@code set} then throws {@link ClosedChannelException};
 *       {@code get()} keeps working.
 * </ul>
 *
 * <p><b>Cancellation safety.</b> A receiver's seen version moves only in the poll of
 * {@code changed()} that returns ready (or in {@code get()}), so a {@code changed()} cancelled at
 * any point consumed nothing: the next {@code changed()} reports the same change. {@code set}
 * does not wait.
 *
 * <p>A {@link Receiver} belongs to one consumer task; give each consumer its own
 * {@link #subscribe()}.
 *
 * <p>Implementation overview: one small lock serializes {@code set}, {@code close} and the queue
 * of waiting {@code changed()} futures ({@code Waiter}'s protocol); the value and its version are
 * also volatile, so {@link #get()} and a {@code changed()} that finds a new version at its first
 * poll take no lock. A receiver's {@code get()} reads value and version together under the lock:
 * read apart, a {@code set} in between could mark a version seen whose value was not returned.
 * A {@code set} unlinks every waiting {@code changed()} as GRANTED and wakes them after
 * unlocking; a GRANTED future owns nothing, so cancelling it passes nothing on.
 *
 * @param <T> the type of the value
 */
public final class Watch<T> {

    /** Guards the writes of value, version and closed, and every waiter's state and waker. */
    private final Object lock = new Object();

    /** The current value. // ordering: written before {@link #version}, under the lock. */
    private volatile T value;

    /** Incremented by every set; starts at 0 (the initial value). */
    private volatile long version;

    /** Set by {@link #close()}; never unset. */
    private volatile boolean closed;

    /** {@code changed()} futures waiting for a new version, oldest first. */
    private final WaiterQueue<Changed> waiting = new WaiterQueue<>();

    /**
     * A watch holding {@code initial} (version 0).
     *
     * @param initial the first value, may be null
     */
    public Watch(T initial) {
        this.value = initial;
    }

    /**
     * Replaces the value with a new version and wakes every receiver waiting for a change. Never
     * waits; any thread.
     *
     * @param newValue the new value, may be null
     * @throws ClosedChannelException when the watch is closed
     */
    public void set(T newValue) throws ClosedChannelException {
        Waker first;
        List<Waker> rest = null;
        synchronized (lock) {
            if (closed) {
                throw new ClosedChannelException();
            }
            value = newValue;
            version++;
            first = waiting.grantNext();
            rest = first == null ? null : waiting.grantRest();
        }
        Waiter.wakeAll(first, rest);
    }

    /**
     * The current value, without marking anything seen (the sender side's read).
     *
     * @return the latest value
     */
    public T get() {
        return value;
    }

    /**
     * A new receiver that has seen the current value: its {@code changed()} waits for the next
     * {@link #set}. Subscribing to a closed watch gives a receiver whose {@code changed()} is
     * false.
     *
     * @return a new receiver
     */
    public Receiver<T> subscribe() {
        return new Receiver<>(this, version);
    }

    /**
     * Closes the watch: later sets throw ClosedChannelException; receivers that saw the last
     * version get false from {@code changed()}, the others true once more. The value stays
     * readable. Idempotent.
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
     * @return whether the watch is closed
     */
    public boolean isClosed() {
        return closed;
    }

    /**
     * One subscriber's view of a {@link Watch}: the last version it has seen. Used by one
     * consumer at a time.
     *
     * @param <T> the type of the value
     */
    public static final class Receiver<T> {

        private final Watch<T> owner;

        /** The newest version this receiver has seen; only its consumer reads or writes it. */
        private long seen;

        private Receiver(Watch<T> owner, long seen) {
            this.owner = owner;
            this.seen = seen;
        }

        /**
         * A future that is true once the watch holds a version this receiver has not seen (and
         * marks it seen), or false once the watch is closed and this receiver saw its last
         * version.
         *
         * @return a future of whether there is a change to look at
         */
        public Future<Boolean> changed() {
            return owner.new Changed(this);
        }

        /**
         * The latest value, its version now marked seen: the next {@code changed()} waits for a
         * newer one.
         *
         * @return the latest value
         */
        public T get() {
            synchronized (owner.lock) {
                seen = owner.version;
                return owner.value;
            }
        }

        /**
         * Whether the watch holds a version this receiver has not seen; marks nothing.
         *
         * @return true when {@code changed()} would be ready with true at once
         */
        public boolean hasChanged() {
            return owner.version != seen;
        }
    }

    /** The future of one {@link Receiver#changed()}; its own waiter node. */
    private final class Changed extends Waiter<Boolean> implements Future<Boolean> {

        private final Receiver<T> receiver;

        Changed(Receiver<T> receiver) {
            this.receiver = receiver;
        }

        /** The outcome once DONE; this node is its own ready poll. */
        private boolean changed;

        @Override
        Boolean readyValue() {
            return changed;
        }

        @Override
        public Poll<Boolean> poll(Context cx) {
            if (!Coop.proceed(cx)) { // budget spent: Coop woke the task, nothing changed here
                return Poll.pending();
            }
            // IDLE is left only by this node's own poll, so reading it without the lock is exact:
            // a change found at the first poll costs two volatile reads and no lock
            if (state == IDLE) {
                long v = version;
                if (v != receiver.seen) {
                    return ready(v);
                }
            }
            synchronized (lock) {
                if (state == DONE) {
                    throw new IllegalStateException(
                            "changed polled after it completed or was cancelled");
                }
                if (state == WAITING) { // linked ⇒ no set and no close since: just a new waker
                    waker = cx.waker();
                    return Poll.pending();
                }
                long v = version;
                if (v != receiver.seen) {
                    return ready(v);
                }
                if (closed) {
                    state = DONE;
                    return this; // false: closed, and the last version was seen
                }
                waker = cx.waker();
                waiting.add(this);
                return Poll.pending();
            }
        }

        /** Ready with true: marks {@code v} seen. Unlinked (IDLE or GRANTED) when called. */
        private Poll<Boolean> ready(long v) {
            receiver.seen = v;
            changed = true;
            state = DONE;
            return this;
        }

        @Override
        public void cancel() {
            synchronized (lock) {
                if (state == WAITING) {
                    waiting.remove(this);
                }
                state = DONE; // a GRANTED changed() owns nothing: the version stays unseen
            }
        }
    }
}
