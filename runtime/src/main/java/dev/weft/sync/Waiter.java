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
 * A node is linked into its queue exactly while its state is {@link #WAITING}. One node goes back
 * from GRANTED to WAITING: a rendezvous channel's sender whose receiver left before it polled
 * (see {@code Channel}); it is linked again at the head, keeping its place.
 *
 * <p>A waiter is also a {@link Poll}, ready once DONE: a future that completes with a value of
 * its own (a channel receive) returns itself from {@code poll} instead of allocating a ready
 * poll. The others return the shared {@code Poll.ready(null)} and never expose themselves.
 *
 * <h3>Design choice: one small lock per primitive</h3>
 * Every primitive guards its state with one private monitor held for a few field writes, never
 * across user code: wakers are collected under the lock and woken after it is released (a waker
 * may run arbitrary code, and an inline-polling executor could otherwise re-enter). A lock, not a
 * lock-free queue, because cancellation must atomically decide "was this waiter granted
 * something?" together with "pass the grant on", which under a lock is a plain field test and in
 * a lock-free design needs a state CAS per node plus a retry protocol for the hand-off; the
 * critical sections are short and uncontended locks are cheap on HotSpot. (JDK 17-23 pin a
 * virtual thread inside {@code synchronized}; no virtual thread ever waits here: waiting is a
 * returned Pending, not a blocked thread.)
 *
 * <h3>Waiters</h3>
 * Every waiting future is its own intrusive queue node ({@link dev.weft.sync.Waiter}), so
 * waiting allocates nothing beyond the future. States: IDLE → WAITING (linked) → GRANTED
 * (unlinked by the granter, who left something for it) → DONE; or WAITING → CLOSED (unlinked by
 * a channel's close) → DONE. A node is linked exactly while WAITING. Only the awaiter polls or
 * cancels a node (one thread at a time); granters are any thread; all of it under the lock.
 *
 * <h3>The wait protocol (every primitive)</h3>
 * <ol>
 *   <li>every poll first spends one unit of the task's cooperative budget
 *       ({@code dev.weft.internal.context.Coop}, Tokio's coop); when it is spent the poll returns
 *       pending and changes nothing (Coop already woke the task), so a consumer of a channel that
 *       never runs dry still lets its worker's other tasks run.
 *   <li>poll, IDLE: under the lock, take the resource if available and nobody waits ahead
 *       (FIFO) and return ready; otherwise store {@code cx.waker()} in the node, link it at the
 *       tail (WAITING), return pending.
 *   <li>poll, WAITING: replace the stored waker with the current one (a task's waker may
 *       change when the future moves into a race or timeout), return pending.
 *   <li>grant (release / send / notify / complete, on any thread): under the lock unlink the
 *       oldest waiter, move the resource into it (value, permit, slot, notification), set
 *       GRANTED, take its waker; wake it after unlocking. From here on the resource belongs to
 *       the node, not the primitive.
 *   <li>poll, GRANTED: take the resource from the node, set DONE, return ready. This poll is the
 *       linearization point at which the awaiter owns the resource.
 *   <li>cancel: under the lock, WAITING ⇒ unlink; GRANTED ⇒ the awaiter never saw the resource,
 *       so pass it on exactly as a release would (next waiter, or back into the primitive);
 *       then DONE. Without this step a cancellation racing a grant would leak a permit, the
 *       lock, a notification or a message.
 * </ol>
 * The awaiter's steps (1, 2, 3, 5, 6) are written once, in {@link WaitingFuture}, for Channel,
 * Notify and the permits of Semaphore and Mutex; Oneshot, Broadcast and Watch keep their own,
 * as their polls differ in more than the hooks.
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

    /** Wakes what {@link WaiterQueue#grantNext} and {@link WaiterQueue#grantRest} returned. */
    static void wakeAll(Waker first, java.util.List<Waker> rest) {
        wake(first);
        if (rest != null) {
            for (Waker w : rest) {
                w.wake();
            }
        }
    }
}
