/**
 * The driver: the one owner of a runtime's timers, its NIO selector and the fallback that serves
 * futures polled outside any runtime. Internal use only.
 *
 * <ul>
 *   <li>{@link dev.weft.internal.driver.Reactor}: one per runtime. It owns its {@code
 *       internal.time.TimerDriver} and its selector (opened by the first channel that waits, so a
 *       runtime that only sleeps never opens one). One turn fires due timers, waits with the next
 *       timer's timeout (select() with none, selectNow when one is due; LockSupport while no
 *       channel has registered yet), dispatches ready keys, fires timers again. A driver token
 *       (an atomic owner) makes one thread turn it at a time. {@code Reactor.fallback()} is the
 *       shared daemon reactor, with its own thread, for futures polled outside any runtime.
 *   <li>{@link dev.weft.internal.driver.IoRegistration}: what the driver knows of a registered
 *       channel (its key's attachment): told when the key is ready and when the driver shuts
 *       down. {@code internal.io.IoSource} implements it.
 * </ul>
 *
 * <h2>Who drives</h2>
 *
 * <ul>
 *   <li>Multi-threaded runtime, {@code -Dweft.driver=worker} (the default): as Tokio parks on
 *       its I/O driver, a worker with nothing to do that wins the token turns the reactor
 *       instead of parking; notifying that worker goes through {@code Reactor.unpark}
 *       (selector.wakeup()). What its turn wakes queues in wake order (its own ring, then the
 *       inject queue once the ring is full; never the LIFO slot, whose overflow would put the
 *       oldest wakes last), it leaves the sleeper list and runs it, and another worker is woken
 *       to share the batch. Busy workers poll the reactor (selectNow) every 61st tick when
 *       nobody drives it, so I/O and timers are still seen when no worker is idle.
 *   <li>Multi-threaded runtime, {@code -Dweft.driver=thread}: a dedicated daemon thread ({@code
 *       <prefix>driver}) loops over turns; what it wakes goes to the inject queue.
 *   <li>Current-thread runtime: the blockOn thread turns it between task batches (no extra
 *       thread; its tasks only run inside blockOn anyway). As with Tokio's current_thread
 *       runtime, its sockets and timers make progress only while some blockOn of it runs: a
 *       socket keeps the reactor it first waited on, so one moved to another runtime after
 *       waiting inside a current-thread blockOn waits for that runtime's next blockOn.
 * </ul>
 *
 * <p>Why an idle worker drives by default, and what the dedicated thread still does better, is
 * measured in docs/design.md, "Who drives the reactor: an idle worker by default".
 *
 * <p>Layer (docs/design.md, "How the runtime's packages depend on each other"): above {@code
 * internal.time} (the timer mechanism it owns) and {@code internal.metrics}; below everything
 * that polls. It never names a Context, a runtime handle, a task or a socket future: who finds a
 * context's reactor is {@code internal.context.RuntimeHandle.reactorOf}, and readiness reaches
 * the socket side only through {@code IoRegistration}.
 *
 * <p>Invariants: wakers are never called under a lock; a closed channel's key leaves {@code
 * selector.keys()} at the next select; a timer armed from any thread wakes the driver only when
 * it is earlier than the deadline the driver waits for; closing a reactor ends the wait in
 * progress, closes every registered channel and the selector, and leaves no thread behind (the
 * dedicated thread is joined).
 */
package dev.weft.internal.driver;
