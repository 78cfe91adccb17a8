package dev.weft.sync;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.Waker;
import dev.weft.internal.context.Coop;
import dev.weft.internal.coroutine.Sneaky;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A value (or failure) set once and awaited by any number of futures, like Kotlin's
 * {@code CompletableDeferred}: {@link #complete} or {@link #fail} succeed once, later attempts
 * return false. Every {@link #future()} is ready with the value, or throws the failure (the
 * original object), once it is set. A null value is allowed ({@code Oneshot<Void>}).
 *
 * <p><b>Cancellation safety.</b> Cancelling a {@code future()} only removes that awaiter; the
 * value stays in the oneshot for every other future, earlier or later, so nothing is lost.
 *
 * <p>Implementation: the outcome is written under the lock and then published through the
 * volatile {@link #done}, so a future that finds it set reads it without locking (the common
 * ping-pong path: the value arrives before the awaiter polls).
 *
 * <pre>{@code
 * Oneshot<String> reply = new Oneshot<>();
 * callbackApi.request(query, result -> reply.complete(result), error -> reply.fail(error));
 * String r = await(reply.future());
 * }</pre>
 *
 * @param <T> the type of the value
 */
public final class Oneshot<T> {

    /**
     * The awaiters; also the lock (one oneshot per request is common, so no separate lock
     * object), guarding the queue, every waiter's state and waker, and the writes of the outcome.
     */
    private final WaiterQueue<Receive> waiters = new WaiterQueue<>();

    private T value;

    private Throwable failure;

    /**
     * Set once the outcome is written; never unset. // ordering: the volatile write after
     * value/failure publishes them to lock-free readers in {@link Receive#poll}.
     */
    private volatile boolean done;

    /** An oneshot with no outcome yet. */
    public Oneshot() {}

    /**
     * Sets the value and wakes every awaiter; false when already completed or failed.
     *
     * @param v the value, may be null
     * @return whether this call set the outcome
     */
    public boolean complete(T v) {
        return settle(v, null);
    }

    /**
     * Sets the failure, which every awaiter rethrows as the original object; false when already
     * completed or failed.
     *
     * @param e the failure
     * @return whether this call set the outcome
     * @throws NullPointerException when {@code e} is null
     */
    public boolean fail(Throwable e) {
        return settle(null, Objects.requireNonNull(e, "failure"));
    }

    /**
     * A future of the outcome; call it as often as needed (each call is an independent awaiter).
     *
     * @return a future of the value or failure
     */
    public Future<T> future() {
        return new Receive();
    }

    /**
     * True once completed or failed.
     *
     * @return whether the outcome is set
     */
    public boolean isDone() {
        return done;
    }

    private boolean settle(T v, Throwable e) {
        Waker first;
        List<Waker> rest = null;
        synchronized (waiters) {
            if (done) {
                return false;
            }
            value = v;
            failure = e;
            done = true;
            Receive r = waiters.poll();
            if (r == null) {
                return true;
            }
            r.state = Waiter.GRANTED;
            first = r.takeWaker();
            // the common case is one awaiter: no list unless there are more
            for (r = waiters.poll(); r != null; r = waiters.poll()) {
                r.state = Waiter.GRANTED;
                if (rest == null) {
                    rest = new ArrayList<>();
                }
                rest.add(r.takeWaker());
            }
        }
        first.wake();
        if (rest != null) {
            for (Waker w : rest) {
                w.wake();
            }
        }
        return true;
    }

    private Poll<T> outcome() {
        if (failure != null) {
            throw Sneaky.<RuntimeException>rethrow(failure);
        }
        return Poll.ready(value);
    }

    private final class Receive extends Waiter<T>
            implements Future<T>, dev.weft.internal.dump.Awaited {

        @Override
        public String describeAwait() {
            return "Oneshot.receive() on Oneshot@"
                    + Integer.toHexString(System.identityHashCode(Oneshot.this));
        }

        @Override
        public Poll<T> poll(Context cx) {
            if (!Coop.proceed(cx)) { // budget spent: Coop woke the task, nothing changed here
                return Poll.pending();
            }
            if (done) {
                return outcome();
            }
            synchronized (waiters) {
                if (!done) {
                    waker = cx.waker();
                    if (state != WAITING) {
                        waiters.add(this);
                    }
                    return Poll.pending();
                }
            }
            return outcome();
        }

        @Override
        public void cancel() {
            synchronized (waiters) {
                if (state == WAITING) {
                    waiters.remove(this);
                }
                state = DONE;
            }
        }
    }
}
