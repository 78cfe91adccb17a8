package dev.weft.internal.coroutine;

import dev.weft.Context;
import dev.weft.Future;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;

/**
 * The steps a woven await site calls. Each {@code Async.await(f)} becomes:
 *
 * <pre>
 *   v = Coroutine.poll(f, cx)      // value, or SUSPENDED; throws f's error
 *   if (v == SUSPENDED) { Await.cancelled(f, cx);   // throws CancellationException if cancelled
 *                         save live locals; state = k; awaiting = f; return SUSPENDED; }
 *   ... continue with v (checkcast / unbox as javac emitted after the original call)
 * </pre>
 *
 * and resuming at k restores the locals, reloads {@code f = awaiting}, and steps again.
 */
public final class Await {

    private Await() {}

    /** The marker a woven body returns when it suspended. Never a user value. */
    public static final Object SUSPENDED =
            new Object() {
                @Override
                public String toString() {
                    return "SUSPENDED";
                }
            };

    /**
     * Polls {@code f} once. Ready: its value. Pending: {@link #SUSPENDED}, unless the context is
     * cancelled, in which case {@code f} is cancelled and CancellationException thrown.
     */
    public static Object step(Future<?> f, Context cx) {
        Object v = Coroutine.poll(f, cx);
        if (v == SUSPENDED) {
            cancelled(f, cx);
        }
        return v;
    }

    /**
     * The pending half of {@link #step}, which woven code since issue 12 point 4 calls after
     * {@link Coroutine#poll(Future, Context)} returned {@link #SUSPENDED} for {@code f}: when the
     * context is cancelled, cancels {@code f} and throws CancellationException.
     */
    public static void cancelled(Future<?> f, Context cx) {
        if (cx.isCancelled()) {
            f.cancel();
            throw new CancellationException("cancelled while awaiting");
        }
    }

    /**
     * The value of a direct entry's call for its body's return value {@code r}, decided exactly as
     * {@link Coroutine#poll} decides it: null and a {@code Ready} complete at once (the Ready is
     * not polled, so no budget is spent), any other future is awaited in tail position. Returns
     * {@link #SUSPENDED} if that tail is pending; the caller then parks it in a fresh companion
     * with {@link Coroutine#suspendOnTail}.
     */
    public static Object returned(Object r, Context cx) {
        if (r == null) {
            return null;
        }
        if (r instanceof Ready) {
            return ((Ready<?>) r).value();
        }
        return step((Future<?>) r, cx);
    }

    /** {@code Async.await(CompletionStage)} awaits this adapter. */
    public static <T> Future<T> adapt(CompletionStage<T> stage) {
        return Future.of(stage);
    }
}
