/**
 * The I/O driver, the second half of the reactor: one NIO selector per runtime, selected on by a
 * dedicated daemon thread, with readiness registrations that hold wakers. Internal use only.
 *
 * <ul>
 *   <li>{@link dev.weft.internal.io.Reactor}: the selector and its thread. Each runtime creates
 *       its reactor lazily (first socket) and closes it on shutdown, which closes every channel
 *       still registered; futures polled outside any runtime use a shared daemon fallback
 *       reactor, as timers do.
 *   <li>{@link dev.weft.internal.io.IoSource}: one channel's key and its two waker slots (in:
 *       read/accept; out: write/connect).
 *   <li>{@link dev.weft.internal.io.IoOp}: the leaf future for one operation.
 * </ul>
 *
 * <p>Registration protocol (one operation):
 * <ol>
 *   <li>poll attempts the non-blocking operation; a result (bytes, -1, a channel) is Ready.
 *   <li>It would block: under the source's lock, store the waker in the direction's slot and add
 *       the operation to the key's interest set (registering the channel on first use with the polling context's
 *       reactor, which it keeps).
 *   <li>Wake the selector only if the reactor is inside (or entering) select.
 *   <li>The reactor finds the key ready: under the lock, removes the ready operations from the
 *       interest set (one-shot) and takes the wakers; wakes them after releasing the lock.
 *   <li>The task re-polls: back to step 1. Readiness that was spurious (the attempt returns 0)
 *       simply re-arms.
 *   <li>Cancel (the awaiter gives up) or completion after arming clears the slot and removes the
 *       interest, so no stale interest remains.
 *   <li>close(): marks the source closed, closes the channel (which cancels its key), wakes the
 *       selector so the key is deregistered and the descriptor released, and wakes both waiters;
 *       an armed operation's next poll throws AsynchronousCloseException; operations started
 *       after close throw the JDK's ClosedChannelException.
 * </ol>
 *
 * <p>Invariants: interest is level-triggered, so readiness arriving between a failed attempt and
 * step 2 is reported by the next select (no lost wake-ups); wakers are never called under a
 * lock; a closed channel's key leaves {@code selector.keys()} at the next select.
 */
package dev.weft.internal.io;
