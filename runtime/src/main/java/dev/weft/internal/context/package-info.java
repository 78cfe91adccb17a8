/**
 * What a poll runs with (Tokio's {@code runtime/context.rs}): the parts of a {@link
 * dev.weft.Context} besides the waker, and the state of the thread it runs on. Internal use only.
 *
 * <ul>
 *   <li>Where cancellation is read from ({@link dev.weft.internal.context.CancelSignal}: a task,
 *       a blockOn, or always/never).
 *   <li>The runtime the poll runs on ({@link dev.weft.internal.context.RuntimeHandle}, with the
 *       thread binding {@code RuntimeHandle.CURRENT}), and through it the runtime's driver: a
 *       leaf finds its timers and its reactor with {@code RuntimeHandle.timersOf(cx)} and {@code
 *       reactorOf(cx)}, the shared fallback's when the context has no runtime.
 *   <li>Worker-local state ({@link dev.weft.internal.context.WorkerThread}, which the
 *       work-stealing workers extend): the cooperative budget of the task being polled ({@link
 *       dev.weft.internal.context.Coop}) and the timers that poll armed ({@code
 *       internal.time.TimerBatch}). {@code instanceof WorkerThread} is the one test for "am I on
 *       a worker".
 * </ul>
 *
 * <p>Layer (docs/design.md, "How the runtime's packages depend on each other"): above {@code
 * internal.driver} and {@code internal.time}, whose types the runtime handle and the worker
 * hand out; below everything that polls (coroutines, futures, sockets, tasks, schedulers). The
 * drivers never name a context: leaves ask this package for their driver, never the other way.
 *
 * <p>Invariants: {@code RuntimeHandle.CURRENT} is non-null exactly on a runtime's worker threads
 * and on a thread while it is inside that runtime's blockOn (or drains its shutdown). A
 * WorkerThread's fields are touched by that thread alone.
 */
package dev.weft.internal.context;
