/**
 * The runtime's own small futures: ready values that are their own poll result
 * ({@link dev.weft.internal.coroutine.Ready}), the CompletionStage adapter, yieldNow, and the
 * combinators behind {@code Futures.all} / {@code Futures.race}. Internal use only.
 *
 * <p>Invariants: a child that returned ready (or threw) is never polled again; combinators
 * cancel the children they abandon (all: the rest on the first failure; race: the losers)
 * before returning or rethrowing; failures pass through as the original object.
 */
package dev.weft.internal.future;
