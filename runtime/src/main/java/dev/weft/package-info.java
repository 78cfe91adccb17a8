/**
 * weft's public core: futures advanced by polling, wakers, tasks and runtimes, after Rust's
 * futures model.
 *
 * <p>The model. A {@link dev.weft.Future} does nothing until polled. An executor (an
 * {@link dev.weft.AsyncRuntime}) polls a task's future with a {@link dev.weft.Context}; a leaf
 * future (timer, socket, channel, CompletionStage adapter) that cannot finish stores
 * {@code cx.waker()} where the event source will find it and returns {@link dev.weft.Poll#pending()};
 * when the event happens the source calls {@link dev.weft.Waker#wake()} and the executor polls
 * the task again. Non-leaf futures are user methods that call {@link dev.weft.Async#await},
 * rewritten by the weaver into state machines that poll what they await.
 *
 * <p>Invariants users rely on:
 * <ul>
 *   <li>one thread polls a task at a time; between polls a task may move between threads;
 *   <li>N wakes cause at most one re-poll; a wake during a poll causes exactly one re-poll
 *       after it; wakes after completion do nothing;
 *   <li>failures travel as the original exception object (checked ones too) through poll,
 *       await, {@code JoinHandle} and {@code blockOn};
 *   <li>cancellation flows down: a cancelled task's pending await cancels what it awaits
 *       ({@link dev.weft.Future#cancel()}) and throws CancellationException into the body;
 *       {@code timeout} and {@code race} cancel their losers the same way.
 * </ul>
 *
 * <p>Everything under {@code dev.weft.internal} is for weft's internal use only (the runtime's
 * own operations on a {@link dev.weft.Context} included: {@code dev.weft.internal.context.Contexts}).
 */
package dev.weft;
