/**
 * The runtime's own small futures: the CompletionStage adapter, yieldNow, the timer leaves
 * ({@link dev.weft.internal.future.Sleep}, {@link dev.weft.internal.future.Timeout}, both a
 * {@link dev.weft.internal.future.TimerLeaf}, each its own wheel entry) and the combinators behind
 * {@code Futures.all} / {@code Futures.race}. Ready values live with the await path ({@link
 * dev.weft.internal.coroutine.Ready}). Internal use only.
 *
 * <p>Layer (docs/design.md, "How the runtime's packages depend on each other"): above {@code
 * internal.coroutine}, {@code internal.context} (a timer leaf arms on {@code
 * RuntimeHandle.timersOf(cx)}, in the worker's batch when its task is being polled) and {@code
 * internal.time}; never names a task or a scheduler.
 *
 * <p>Invariants: a child that returned ready (or threw) is never polled again; combinators
 * cancel the children they abandon (all: the rest on the first failure; race: the losers)
 * before returning or rethrowing; failures pass through as the original object.
 *
 * <p>Timer leaf protocol ({@link dev.weft.internal.future.TimerLeaf}): the first poll arms the
 * entry on the polling context's driver (the duration counts from that poll, or for a worker's
 * task from the end of that poll; a timeout arms only if its inner future is pending); later
 * polls store the waker only when it changed; the expiry sets {@code fired} then wakes; cancel()
 * removes the entry.
 */
package dev.weft.internal.future;
