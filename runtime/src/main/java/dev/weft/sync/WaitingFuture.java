package dev.weft.sync;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.Waker;
import dev.weft.internal.task.Coop;

/**
 * The poll and cancel of a future that waits in a {@link WaiterQueue} for a grant: the awaiter's
 * steps of the wait protocol in {@link Waiter}, written once for every primitive that grants
 * (Channel's send and receive, Notify, the permits of Semaphore and Mutex). A subclass supplies
 * what differs, each under its primitive's lock unless said otherwise: how to complete from IDLE,
 * GRANTED or CLOSED ({@link #complete}), where it links and unlinks, how a cancelled grant is
 * passed on ({@link #passOn}) and the ready poll ({@link #ready}, after the lock is released).
 *
 * @param <V> the value of the future
 */
abstract class WaitingFuture<V> extends Waiter<V> implements Future<V> {

    /** Returned by {@link #complete} when the node must wait: the skeleton links it. */
    static final Waker WAIT = () -> {};

    /** The primitive's lock: guards this node's state, waker and links. */
    abstract Object lock();

    /** What the future does ("send", "acquire"...), for the poll-after-done failure. */
    abstract String operation();

    /**
     * In state IDLE, GRANTED or CLOSED: completes this node (the skeleton then sets DONE) and
     * returns the waker to wake once the lock is released, or null; or returns {@link #WAIT}
     * when it must wait.
     */
    abstract Waker complete();

    /** Links this node at the tail of its queue; its waker is already stored. */
    abstract void link();

    /** Unlinks this WAITING node, which is being cancelled. */
    abstract void unlink();

    /**
     * Cancelled while GRANTED: the awaiter never saw the grant, so it is passed on exactly as a
     * release would. Returns the waker to wake once the lock is released, or null.
     */
    abstract Waker passOn();

    /** Cancelled, after the state became DONE: drops what the node still holds. */
    void cancelled() {}

    /** Outside the lock, once DONE: the ready poll (or the failure thrown). */
    abstract Poll<V> ready();

    @Override
    public final Poll<V> poll(Context cx) {
        if (!Coop.proceed(cx)) { // budget spent: Coop woke the task, nothing changed here
            return Poll.pending();
        }
        Waker w;
        synchronized (lock()) {
            if (state == WAITING) {
                waker = cx.waker();
                return Poll.pending();
            }
            if (state == DONE) {
                throw new IllegalStateException(
                        operation() + " polled after it completed or was cancelled");
            }
            w = complete();
            if (w == WAIT) {
                waker = cx.waker();
                link();
                return Poll.pending();
            }
            state = DONE;
        }
        wake(w);
        return ready();
    }

    @Override
    public final void cancel() {
        Waker w = null;
        synchronized (lock()) {
            if (state == WAITING) {
                unlink();
            } else if (state == GRANTED) {
                w = passOn();
            }
            state = DONE;
            cancelled();
        }
        wake(w);
    }
}
