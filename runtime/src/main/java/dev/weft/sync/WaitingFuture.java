package dev.weft.sync;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.Waker;
import dev.weft.internal.context.Coop;

/**
 * The awaiter's side of the wait protocol in {@link Waiter} (steps 1, 2, 3, 5 and 6), written once
 * for every future that waits in a {@link WaiterQueue} for a grant: Channel's send and receive,
 * Notify's notified and the permits of Semaphore and Mutex. A subclass supplies what differs, as
 * small hooks called under its primitive's lock: {@link #complete} (take the resource, or link),
 * {@link #queue} (where a WAITING node is linked), {@link #passOn} (a cancelled grant) and
 * {@link #ready} (the ready poll, after the lock is released).
 *
 * <p><b>Why the skeleton is not the {@code poll} itself.</b> Each subclass's {@code poll} and
 * {@code cancel} are one-line calls of {@link #pollWaiting} and {@link #cancelWaiting}, which are
 * final and small, so the JIT inlines them into that subclass's own method, where the receiver's
 * exact class is known and every hook is a direct call, inlined in turn. A first shape made the
 * skeleton the shared {@code poll} itself: compiled once for five classes, its hook calls were
 * megamorphic and cost 38.0 → 43.1 ns per channel send+receive (reverted); this shape is measured
 * by {@code dev.weft.bench.sync.WaiterBench}.
 *
 * @param <V> the value of the future
 */
abstract class WaitingFuture<V> extends Waiter<V> implements Future<V> {

    /**
     * Under the lock, in state IDLE, GRANTED or CLOSED ({@code state} is passed in): takes the
     * resource and returns the waker to wake once the lock is released (or null), leaving the
     * state to the skeleton, which sets DONE; or links this node with {@link #waitIn} and returns
     * null, or a waker that its linking made due (a rendezvous receive grants a sender). It may
     * set DONE and throw, to fail the future (nothing else to wake then).
     */
    abstract Waker complete(int state, Context cx);

    /** The queue this node is linked in while WAITING. */
    abstract WaiterQueue<?> queue();

    /**
     * Under the lock, cancelled while GRANTED: the awaiter never saw the grant, so it is passed on
     * exactly as a release would. Returns the waker to wake once the lock is released, or null.
     */
    abstract Waker passOn();

    /** Outside the lock, once DONE by a poll with {@code cx}: the ready poll. */
    abstract Poll<V> ready(Context cx);

    /** Under the lock, once cancelled (state DONE): drops what the node still holds. */
    void cancelled() {}

    /** The operation's name, for the failure of a poll after it completed. */
    abstract String operation();

    /** From {@link #complete}: stores the poll's waker and links this node at the tail of q. */
    @SuppressWarnings("unchecked")
    final <W extends Waiter<?>> void waitIn(WaiterQueue<W> q, Context cx) {
        waker = cx.waker();
        q.add((W) this);
    }

    /** The subclass's whole {@code poll}: steps 1, 2, 3 and 5 of the wait protocol. */
    final Poll<V> pollWaiting(Object lock, Context cx) {
        if (!Coop.proceed(cx)) { // budget spent: Coop woke the task, nothing changed here
            return Poll.pending();
        }
        Waker w;
        boolean waiting;
        synchronized (lock) {
            int s = state;
            if (s == WAITING) {
                waker = cx.waker(); // the task's waker may have changed (a race, a timeout)
                return Poll.pending();
            }
            if (s == DONE) {
                throw new IllegalStateException(
                        operation() + " polled after it completed or was cancelled");
            }
            w = complete(s, cx);
            waiting = state == WAITING;
            if (!waiting) {
                state = DONE;
            }
        }
        wake(w);
        return waiting ? Poll.pending() : ready(cx);
    }

    /** The subclass's whole {@code cancel}: step 6 of the wait protocol. */
    final void cancelWaiting(Object lock) {
        Waker w = null;
        synchronized (lock) {
            if (state == WAITING) {
                queue().remove(this);
            } else if (state == GRANTED) {
                w = passOn();
            }
            state = DONE;
            cancelled();
        }
        wake(w);
    }
}
