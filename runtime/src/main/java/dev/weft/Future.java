package dev.weft;

import dev.weft.internal.future.Ready;
import dev.weft.internal.future.StageFuture;
import java.util.concurrent.CompletionStage;

/**
 * A pending computation, advanced by polling.
 *
 * <p>A future does nothing until polled. {@link #poll(Context)} makes as much progress as it can
 * and returns either {@link Poll#ready ready} with the outcome, or {@link Poll#pending() pending}
 * after arranging for {@code cx.waker()} to be woken once progress is possible again. A failed
 * future throws its exception (the original object, checked or not) out of {@code poll}.
 *
 * <p>Only the awaiter polls a future, and only one thread at a time. After a future returned
 * ready it must not be polled again, except where a class documents otherwise.
 *
 * @param <T> the type of the value
 */
public interface Future<T> {

    /**
     * Advances the computation as far as possible.
     *
     * @param cx the context of the polling task: its waker and its cancellation flag
     * @return ready with the value, or pending with the waker registered
     */
    Poll<T> poll(Context cx);

    /**
     * The awaiter gives up: release registrations (timers, selection keys, waiter queue slots)
     * and stop work. Idempotent. Called by the awaiter, on the thread that polls this future.
     */
    default void cancel() {}

    /** A future that is already complete with {@code value}; polling it allocates nothing. */
    static <T> Future<T> ready(T value) {
        return Ready.of(value);
    }

    /** {@code ready(null)}, shared. */
    static Future<Void> done() {
        return Ready.done();
    }

    /** A future that fails with {@code error} (thrown as the original object) when polled. */
    static <T> Future<T> failed(Throwable error) {
        return Ready.failed(error);
    }

    /**
     * A leaf future over a {@link CompletionStage}: ready when the stage completes, woken from
     * whichever thread completes it. Cancelling it cancels the stage's CompletableFuture (as
     * kotlinx-coroutines' {@code CompletionStage.await} does), because an awaiter that gives up
     * on a one-shot stage means its result is no longer wanted.
     */
    static <T> Future<T> of(CompletionStage<T> stage) {
        return new StageFuture<>(stage);
    }
}
