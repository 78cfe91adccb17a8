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
 *   <li>Multi-threaded runtime, {@code -Dweft.driver=thread}: a dedicated daemon
 *       thread ({@code <prefix>driver}) loops over turns; what it wakes goes to the inject queue.
 *   <li>Multi-threaded runtime, {@code -Dweft.driver=worker} (the default): as Tokio parks on its I/O driver,
 *       a worker with nothing to do that wins the token turns the reactor instead of parking;
 *       notifying that worker goes through {@code Reactor.unpark} (selector.wakeup()). What its
 *       turn wakes queues in wake order (its own ring, then the inject queue once the ring is
 *       full; never the LIFO slot, whose overflow would put the oldest wakes last), it leaves
 *       the sleeper list and runs it, and another worker is woken to share the batch.
 *       Busy workers poll the reactor (selectNow) every 61st tick when nobody drives it, so I/O
 *       and timers are still seen when no worker is idle.
 *   <li>Current-thread runtime: the blockOn thread turns it between task batches (no extra
 *       thread; its tasks only run inside blockOn anyway). As with Tokio's current_thread
 *       runtime, its sockets and timers make progress only while some blockOn of it runs: a
 *       socket keeps the reactor it first waited on, so one moved to another runtime after
 *       waiting inside a current-thread blockOn waits for that runtime's next blockOn.
 * </ul>
 *
 * <h2>Dedicated thread vs idle worker: measured, and why the default is the idle worker</h2>
 * The default was first the dedicated thread, on the measurements below (one-shot interest, a
 * loaded machine). Once interest stayed registered with readiness cached per direction (see the
 * readiness protocol), the net benchmark group on a quiet machine (run 2026-11-26T012743Z,
 * {@code benchmarks/results/net/}, servers in their own JVMs, the same load generator, medians of
 * 2 rounds) turned the result over: worker driving carried 0.87x the messages of the thread at 1
 * echo connection, 1.58x at 100 and 1.18x at 1,000, 1.60x the HTTP requests at 100 connections
 * and 1.10x at 1,000, at about half the server CPU per message (8.0 against 15.9 us at 100
 * echo connections; Netty 4.2 NIO 7.6). Its p99 is worse than the thread's at 100 and 1,000
 * connections (4.3 against 2.8 ms, 35 against 27 ms), and level with virtual threads' and
 * Netty's at 100. Throughput and CPU decided: idle workers drive by default, and
 * {@code -Dweft.driver=thread} keeps the dedicated thread for programs that want its tail.
 * The earlier measurements, kept for the reasons they show:
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
 * (inject queue, futex). Why the thread was the default before: with many connections it carried
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
 *       a wait there is a cross-thread hand-off (inject queue, futex, selector), and on a busy
 *       machine the task is often preempted between its write and its read, so the read finds
 *       the next message; measured, clearing there cost 1.2-1.6x the server CPU per message
 *       with one connection, keeping the bit was level with or better than before.
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
 *       direction's interest, once; the next arm adds it back (step 3). OP_CONNECT is removed
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
 * select, so a steady-state echo changes no interest and wakes nothing (asserted by
 * NetSteadyStateTest on the current-thread runtime; 8 interest changes in 2,000 echoes with
 * worker driving). A dedicated driver thread often selects again before the woken task has
 * read: the descriptor is reported a second time with nobody waiting, its interest is dropped
 * and the task's re-arm adds it back with a wake-up, as one-shot interest did (about 1.2
 * interest changes and 0.6 wake-ups per echo in that test, against 2 and 1 by construction
 * before). NIO's Selector offers neither edge-triggered nor one-shot epoll registration, which
 * is what lets Tokio's separate driver avoid this. Measurements in
 * {@code benchmarks/results/net/*-iofast-before-after.txt}.
 *
 * <p>Invariants: wakers are never called under a lock; a closed channel's key leaves {@code
 * selector.keys()} at the next select; a timer armed from any thread wakes the driver only when
 * it is earlier than the deadline the driver waits for; closing a reactor ends the wait in
 * progress, closes every registered channel and the selector, and leaves no thread behind (the
 * dedicated thread is joined).
 */
package dev.weft.internal.io;
