/**
 * Sockets, the leaf side of I/O: a channel's registration with its runtime's driver ({@code
 * internal.driver.Reactor}, which owns the selector) and the futures that wait on it. Internal
 * use only.
 *
 * <ul>
 *   <li>{@link dev.weft.internal.io.IoSource}: one channel's key and its two waker slots (in:
 *       read/accept; out: write/connect); the key's attachment, told of readiness by the driver
 *       as a {@link dev.weft.internal.driver.IoRegistration}.
 *   <li>{@link dev.weft.internal.io.IoOp}: the leaf future for one operation.
 * </ul>
 *
 * <p>Layer (docs/design.md, "How the runtime's packages depend on each other"): above {@code
 * internal.driver}, {@code internal.context} (a source joins the reactor of the context that
 * first waits on it: {@code RuntimeHandle.reactorOf}) and {@code internal.coroutine}; the driver
 * never names this package. Who turns the driver: {@code internal.driver}.
 *
 * <h2>Registration protocol: kept interest and a readiness cache</h2>
 * Each {@link dev.weft.internal.io.IoSource} keeps a readiness word (one bit per direction and a
 * tick bumped by every event, as Tokio's ScheduledIo) next to its key, and keeps its interest
 * registered while it is in use instead of adding and removing it per operation (NIO turns an
 * interest set reaching 0 into an epoll_ctl DEL and its re-arm into an ADD, and only applies
 * either at the next select, hence a selector.wakeup() per re-arm).
 * <ol>
 *   <li>poll reads the word. Bit clear: go to step 3 without a syscall. Bit set (a new source
 *       starts with both set, so its first operation simply tries): attempt the non-blocking
 *       operation; a result (bytes, -1, a channel) is Ready. Where the selecting thread runs the
 *       tasks it wakes (worker driving, current-thread runtime), a read that got fewer bytes than
 *       its buffer had room for also clears the bit (as tokio's PollEvented::poll_read does):
 *       the socket is empty, so the echo loop's read after its write waits without first
 *       reading 0 bytes. With a dedicated driver thread the bit is kept and that read is tried:
 *       a wait there is a cross-thread hand-off (inject queue, futex, selector), which costs more
 *       than the read (measured: docs/design.md, "I/O interest stays registered").
 *   <li>It would block: clear the bit with a compare-and-set that fails when the tick moved
 *       since the snapshot taken before the attempt (Tokio's clear_readiness(event)): readiness
 *       reported between the attempt and the clear is kept, and the operation tries again.
 *   <li>Arm, under the source's lock: if the bit is set again (reported after the clear), try
 *       again instead of waiting; otherwise store the waker and make sure the interest is
 *       registered (registering the channel on first use with the polling context's reactor,
 *       which it keeps; a closed reactor fails the wait with AsynchronousCloseException). Only
 *       an interest change unparks the driver (a selector.wakeup() only if it is waiting and is
 *       not this thread); a re-arm whose interest is already set costs no epoll_ctl and no
 *       wake-up, since the select in progress already watches the descriptor.
 *   <li>The driver finds the key ready: under the lock, per ready direction, it sets the bit
 *       (bumping the tick) and takes the waker, waking it after releasing the lock. With no
 *       waiter and the bit already set (reported twice with nobody to consume it: a
 *       level-triggered selector would return at once on every select), it drops that
 *       direction's interest, once; the next arm adds it back (step 3). Not in a select that
 *       did not wait (a busy worker's poll) while the operation it woke has not polled yet (it
 *       waits in a run queue, which at 1,000 connections takes many polls of busy workers;
 *       dropping there cost two epoll_ctl per message), up to a bound of reports, so an
 *       operation abandoned without a cancel stops being reported. A waiting select drops as
 *       before: it would return at once on the report again and spin. OP_CONNECT is removed
 *       when the connect completes, since the JDK reports no ready op for it afterwards.
 *   <li>Cancel (the awaiter gives up) or completion clears the waker slot; the interest stays
 *       (step 4 drops it if readiness keeps coming with nobody waiting).
 *   <li>close(): marks the source closed, closes the channel (which cancels its key), unparks the
 *       driver so the key is deregistered and the descriptor released, and wakes both waiters;
 *       an armed operation's next poll throws AsynchronousCloseException; operations started
 *       after close throw the JDK's ClosedChannelException (a closed source always attempts).
 * </ol>
 *
 * <p>Why no readiness is lost. The invariant: whenever a waker is stored, the direction's
 * interest is registered (step 3, under the lock that step 4's drop also takes), and the selector
 * is level-triggered, so a descriptor that is readable while a waiter waits is reported by the
 * next select. The bit is only a hint that lets an operation skip a syscall, and every way it can
 * be wrong is safe: set while nothing is there costs one attempt that returns 0 (step 2); clear
 * while data is there (a short read cleared it, and more data arrived before the clear; or the
 * clear of step 2 raced an event) means the next operation arms, and because the interest stayed
 * registered the select reports the data and wakes it: the cost is one select round, not a lost
 * wake-up. A clear never erases an event newer than its snapshot (the tick), and an event that
 * arrives with no waiter sets the bit, so the next operation finds it without waiting.
 *
 * <p>What it saves depends on who drives. Where the thread that selected runs the task it woke
 * (worker driving, the current-thread runtime) the task consumes and re-arms before the next
 * select, so a steady-state echo changes no interest and wakes nothing (NetSteadyStateTest). A
 * dedicated driver thread often selects again before the woken task has read: the descriptor is
 * reported a second time with nobody waiting, its interest is dropped, and the task's re-arm adds
 * it back with a wake-up. NIO's Selector offers neither edge-triggered nor one-shot epoll
 * registration, which is what lets Tokio's separate driver avoid this. Measurements:
 * docs/design.md, "I/O interest stays registered".
 *
 * <p>Invariants: wakers are never called under a lock; a closed channel's key leaves {@code
 * selector.keys()} at the next select.
 */
package dev.weft.internal.io;
