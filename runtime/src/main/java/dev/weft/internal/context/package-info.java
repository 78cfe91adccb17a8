/**
 * What a {@link dev.weft.Context} carries besides the waker: where cancellation is read from
 * ({@link dev.weft.internal.context.CancelSignal}: a task, a blockOn, or always/never) and the
 * runtime the poll runs on ({@link dev.weft.internal.context.RuntimeHandle}, with the thread
 * binding {@code RuntimeHandle.CURRENT}). Internal use only.
 *
 * <p>Invariant: {@code RuntimeHandle.CURRENT} is non-null exactly on a runtime's worker threads
 * and on a thread while it is inside that runtime's blockOn (or drains its shutdown).
 */
package dev.weft.internal.context;
