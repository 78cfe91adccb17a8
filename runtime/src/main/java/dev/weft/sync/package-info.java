/**
 * Coordination between tasks without blocking threads: {@link dev.weft.sync.Channel},
 * {@link dev.weft.sync.Oneshot}, {@link dev.weft.sync.Mutex}, {@link dev.weft.sync.Semaphore}
 * and {@link dev.weft.sync.Notify}, after Tokio's {@code sync} module and kotlinx-coroutines'
 * channels.
 *
 * <h2>Design choice: one small lock per primitive</h2>
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
 * <h2>Waiters</h2>
 * Every waiting future is its own intrusive queue node ({@link dev.weft.sync.Waiter}), so
 * waiting allocates nothing beyond the future. States: IDLE → WAITING (linked) → GRANTED
 * (unlinked by the granter, who left something for it) → DONE; or WAITING → CLOSED (unlinked by
 * a channel's close) → DONE. A node is linked exactly while WAITING. Only the awaiter polls or
 * cancels a node (one thread at a time); granters are any thread; all of it under the lock.
 *
 * <h2>The wait protocol (every primitive)</h2>
 * <ol>
 *   <li>every poll first spends one unit of the task's cooperative budget
 *       ({@code dev.weft.internal.task.Coop}, Tokio's coop); when it is spent the poll returns
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
 *
 * <h2>Channel protocol</h2>
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
 * Each event frees at most one unit of room, so granting at most one sender per event keeps
 * "senders wait ⇒ no room" true; "receivers wait ⇒ buffer empty" holds because values go to
 * waiting receivers before the buffer.
 *
 * <h2>Cancellation, in one line per primitive</h2>
 * Receive never loses a message; send is delivered entirely or not at all, and not at all iff
 * cancel() came before ready; lock/acquire never leak, granted-then-cancelled passes the grant
 * on; a notifyOne granted-then-cancelled is passed on; a oneshot's value stays for every
 * other awaiter.
 */
package dev.weft.sync;
