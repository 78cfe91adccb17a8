/**
 * Executors behind {@code AsyncRuntime}, each a {@link dev.weft.internal.scheduler.Scheduler}
 * (spawn, schedule, blockOn, shutdown) and the runtime handle its threads are bound to.
 * Internal use only.
 *
 * <ul>
 *   <li>{@link dev.weft.internal.scheduler.CurrentThreadScheduler}: one run queue, drained only
 *       by the thread inside {@code blockOn}, which also fires timers and parks until the next
 *       deadline or a wake.
 *   <li>{@link dev.weft.internal.scheduler.MultiThreadScheduler}: N workers on one shared FIFO
 *       queue, parked inside the queue's {@code take()} when idle; a dedicated timer thread.
 *       Issue 5 replaces it with the work-stealing scheduler (per-worker rings, LIFO slot, global
 *       inject queue, coop budget) behind the same interface.
 * </ul>
 *
 * <p>Invariants: a task is in at most one queue at a time, because only the transition to
 * SCHEDULED (won once) enqueues it; {@code RuntimeHandle.CURRENT} is set on every thread that
 * polls this scheduler's tasks while it polls them, and on no other; {@code blockOn} refuses to
 * run on such a thread (it would block the thread that must drive the futures).
 *
 * <p>Shutdown protocol (both schedulers):
 * <ol>
 *   <li>set closed; the live-task list refuses new tasks (a late spawn cancels its own task);
 *   <li>cancel every live task: each is then queued once, or cancels itself when its running
 *       poll returns;
 *   <li>run the queued cancellations: the workers before their STOP markers (multi-thread), or
 *       whoever holds the core (current-thread: the closer, or the blockOn thread);
 *   <li>wake blockOn callers, which cancel their future and throw CancellationException;
 *   <li>join the threads (bounded) and stop the timer thread; wakes arriving later run their
 *       (cancelled) task inline.
 * </ol>
 */
package dev.weft.internal.scheduler;
