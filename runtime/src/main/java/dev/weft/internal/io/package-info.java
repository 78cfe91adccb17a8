/**
 * The I/O driver: one {@link dev.weft.internal.io.Reactor} per runtime turns both the timer wheel
 * ({@code internal.time}) and a NIO selector, with readiness registrations that hold wakers.
 * Internal use only.
 *
 * <ul>
 *   <li>{@link dev.weft.internal.io.Reactor}: the driver. One turn fires due timers, waits with
 *       the next timer's timeout (select() with none, selectNow when one is due; LockSupport
 *       while no channel has registered yet, so a runtime that only sleeps never opens a
 *       selector), dispatches ready keys, fires timers again. A driver token (an atomic owner)
 *       makes one thread turn it at a time. Futures polled outside any runtime use a shared
 *       daemon fallback reactor with its own thread.
 *   <li>{@link dev.weft.internal.io.IoSource}: one channel's key and its two waker slots (in:
 *       read/accept; out: write/connect).
 *   <li>{@link dev.weft.internal.io.IoOp}: the leaf future for one operation.
 * </ul>
 *
 * <h2>Who drives</h2>
 * <ul>
 *   <li>Multi-threaded runtime, {@code -Dweft.driver=thread} (the default): a dedicated daemon
 *       thread ({@code <prefix>driver}) loops over turns; what it wakes goes to the inject queue.
 *   <li>Multi-threaded runtime, {@code -Dweft.driver=worker}: as Tokio parks on its I/O driver,
 *       a worker with nothing to do that wins the token turns the reactor instead of parking;
 *       notifying that worker goes through {@code Reactor.unpark} (selector.wakeup()). What its
 *       turn wakes lands in its own LIFO slot and ring, it leaves the sleeper list and runs it.
 *       Busy workers poll the reactor (selectNow) every 61st tick when nobody drives it, so I/O
 *       and timers are still seen when no worker is idle.
 *   <li>Current-thread runtime: the blockOn thread turns it between task batches (no extra
 *       thread; its tasks only run inside blockOn anyway). As with Tokio's current_thread
 *       runtime, its sockets and timers make progress only while some blockOn of it runs: a
 *       socket keeps the reactor it first waited on, so one moved to another runtime after
 *       waiting inside a current-thread blockOn waits for that runtime's next blockOn.
 * </ul>
 *
 * <h2>Dedicated thread vs idle worker: measured, and why the default is the thread</h2>
 * {@code dev.weft.bench.driver.DriverBench} (benchmarks module; raw output in
 * {@code benchmarks/results/driver/}), JDK 25.0.3, one runtime of 2 workers holding the echo
 * server and its clients, 64-byte ping-pong, both modes alternating in one JVM, medians of 3
 * rounds of 2 s (run 20261126T002921Z); the 2-core machine was shared (load average 12-15), so
 * only ratios within the run mean anything:
 * <pre>
 *                          thread        worker     worker/thread
 *  echo 1 conn    msg/s    11,601        28,689       2.47x
 *                 p50 us       41            14       0.34x
 *                 p99 us    2,175            64       0.03x
 *  echo 100 conn  msg/s    31,705        21,628       0.68x
 *                 p50 us    2,495         1,751       0.70x
 *                 p99 us   17,023        35,839       2.1x
 *  echo 1000 conn msg/s    11,858         9,292       0.78x
 *                 p50 us   70,655        26,367       0.37x
 *                 p99 us  198,655       851,967       4.3x
 *  selector wake-ups per message: 1.7-2.1 (thread), 0.00003-0.5 (worker)
 * </pre>
 * An earlier 5-round run (1 and 100 connections) gave the same directions (worker 2.14x the
 * messages with one connection, 0.79x with 100); a 3-round run of 1,000 connections alone gave
 * worker 1.42x the messages: at 1,000 the throughput difference is within the machine's noise,
 * the p50/p99 directions are not. Timer lateness (10,000 sleeps of 1-50 ms) has a p50 of
 * 0.7-1.2 ms in both modes (up to 1 ms of it is the tick rounding); both modes, and the
 * previous separate timer thread alike, show occasional rounds where every timer is 60-200 ms
 * late, which the shared machine's scheduling explains (main's code does it too).
 *
 * <p>Why worker driving wins one connection and every p50: the worker that selected runs the
 * task it woke, so the task's next read arms its interest while nobody is inside select and no
 * selector.wakeup() is needed; with a dedicated thread every re-arm finds the thread in select
 * (a wake-up: eventfd write, drain, a second epoll_wait) and every readiness crosses threads
 * (inject queue, futex). Why the thread stays the default: with many connections it carries
 * more messages and has a 2-4x better p99, because it keeps selecting while both workers run
 * tasks; a driving worker stops selecting while it runs what it woke, so new readiness waits for
 * a worker to go idle or for the 61st-tick poll, and a task that hogs its worker delays every
 * socket of the runtime. Many-connection throughput and p99 are what issue 6's goals are judged
 * on. Worker mode passes the same executor-contract and net tests and is a switch away for
 * latency-bound, few-connection programs.
 *
 * <p>Profile (JFR CPU-time sampling, 100 connections, same build): the echo path's CPU goes to
 * the kernel (socket write 47%, read 15%); the driver's own top cost is epoll_ctl, 14.5% of the
 * samples with a dedicated thread against 7.1% with worker driving, plus 3.6% for eventfd
 * wake-ups (none with workers). The cause is NIO, not weft's code: one-shot interest reaching
 * 0 makes the JDK's selector DEL the descriptor from epoll and the re-arm ADD it again, and an
 * interest change only reaches epoll at the next select (hence the wake-up). When the worker
 * that selected runs the task and it re-arms before the next select, the JDK sees no net
 * change and issues no epoll_ctl at all; a dedicated thread always selects in between. Per
 * message both modes spend about the same CPU (5.7 vs 5.2 samples per 1,000 messages); the
 * thread mode's higher many-connection rate comes from its third thread getting more of the
 * shared cores. No Java-side hot spot (lock, allocation) showed up in the driver/IoSource/IoOp
 * path; raw profile in {@code benchmarks/results/driver/profile-*.txt}.
 *
 * <h2>Registration protocol (one operation)</h2>
 * <ol>
 *   <li>poll attempts the non-blocking operation; a result (bytes, -1, a channel) is Ready.
 *   <li>It would block: under the source's lock, store the waker in the direction's slot and add
 *       the operation to the key's interest set (registering the channel on first use with the
 *       polling context's reactor, which it keeps; a closed reactor fails the wait with
 *       AsynchronousCloseException).
 *   <li>Unpark the reactor (a selector.wakeup() only if its driver is waiting and is not this
 *       thread): NIO applies interest changes at the start of the next select.
 *   <li>The driver finds the key ready: under the lock, removes the ready operations from the
 *       interest set (one-shot) and takes the wakers; wakes them after releasing the lock.
 *   <li>The task re-polls: back to step 1. Readiness that was spurious (the attempt returns 0)
 *       simply re-arms.
 *   <li>Cancel (the awaiter gives up) or completion after arming clears the slot and removes the
 *       interest, so no stale interest remains.
 *   <li>close(): marks the source closed, closes the channel (which cancels its key), unparks the
 *       driver so the key is deregistered and the descriptor released, and wakes both waiters;
 *       an armed operation's next poll throws AsynchronousCloseException; operations started
 *       after close throw the JDK's ClosedChannelException.
 * </ol>
 *
 * <p>Invariants: interest is level-triggered, so readiness arriving between a failed attempt and
 * step 2 is reported by the next select (no lost wake-ups); wakers are never called under a
 * lock; a closed channel's key leaves {@code selector.keys()} at the next select; a timer armed
 * from any thread wakes the driver only when it is earlier than the deadline the driver waits
 * for; closing a reactor ends the wait in progress, closes every registered channel and the
 * selector, and leaves no thread behind (the dedicated thread is joined).
 */
package dev.weft.internal.io;
