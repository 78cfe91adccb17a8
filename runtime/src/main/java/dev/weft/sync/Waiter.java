package dev.weft.sync;

import dev.weft.Poll;
import dev.weft.Waker;

/**
 * The intrusive node of a {@link WaiterQueue}: every waiting future of this package extends it,
 * so waiting allocates no node of its own. All fields are guarded by the owning primitive's lock.
 *
 * <pre>
 *   IDLE ──first pending poll──▶ WAITING ──grant (by another thread)──▶ GRANTED ──poll──▶ DONE
 *     │                            │  └──close──▶ CLOSED ──poll──▶ DONE
 *     └────────────ready at once / cancel / fail─────────────────────────────────────▶ DONE
 * </pre>
 *
 * A node is linked into its queue exactly while its state is {@link #WAITING}.
 *
 * <p>A waiter is also a {@link Poll}, ready once DONE: a future that completes with a value of
 * its own (a channel receive) returns itself from {@code poll} instead of allocating a ready
 * poll. The others return the shared {@code Poll.ready(null)} and never expose themselves.
 *
 * @param <V> the value of the future this node belongs to
 */
abstract class Waiter<V> extends Poll<V> {

    /** Never polled, or polled and ready without waiting. */
    static final int IDLE = 0;

    /** Linked in the queue, its {@link #waker} registered; left only under the lock. */
    static final int WAITING = 1;

    /**
     * Unlinked by whoever granted it something (a value, a slot, a permit, a notification) that
     * its next poll takes; if it is cancelled instead, {@code cancel()} passes the grant on.
     */
    static final int GRANTED = 2;

    /** Unlinked by {@code close()}: its next poll re-evaluates the closed primitive. */
    static final int CLOSED = 3;

    /** Returned ready, failed or was cancelled; never left. */
    static final int DONE = 4;

    /** One of the constants above. */
    int state = IDLE;

    /** The waker of the latest pending poll; null once unlinked and woken. */
    Waker waker;

    /** Queue links; null when not linked. */
    Waiter<?> prev;

    Waiter<?> next;

    /** As a poll: ready once DONE. Only meaningful right after a poll returned this node. */
    @Override
    public final boolean isReady() {
        return state == DONE;
    }

    @Override
    public final V value() {
        if (state != DONE) {
            throw new IllegalStateException("Poll.value() on a pending poll");
        }
        return readyValue();
    }

    /** The value this node completed with; null unless a subclass keeps one. */
    V readyValue() {
        return null;
    }

    /** Takes the waker for the caller to wake once it released the lock (never wake under it). */
    final Waker takeWaker() {
        Waker w = waker;
        waker = null;
        return w;
    }

    static void wake(Waker w) {
        if (w != null) {
            w.wake();
        }
    }
}
