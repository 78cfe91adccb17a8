package dev.weft;

import dev.weft.internal.coroutine.Ready;
import dev.weft.internal.future.StageFuture;
import java.util.concurrent.CompletionStage;

/**
 * A pending computation, advanced by polling.
 *
 * <p>Most futures are written as async methods, which weft weaves into state machines, and
 * awaited rather than polled by hand:
 * <pre>{@code
 * static Future<Integer> length(URI uri) {
 *     String body = await(fetch(uri));        // fetch is another async method, or a leaf future
 *     return Future.ready(body.length());
 * }
 *
 * try (AsyncRuntime rt = AsyncRuntime.create()) {
 *     int n = rt.blockOn(length(uri));
 * }
 * }</pre>
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

    /**
     * A future that is already complete with {@code value}; polling it allocates nothing. An
     * async method ends with {@code return Future.ready(result);}.
     *
     * @param value the value, may be null
     * @param <T> the type of the value
     * @return a ready future
     */
    static <T> Future<T> ready(T value) {
        return Ready.of(value);
    }

    /**
     * {@code ready(null)}, shared: what a {@code Future<Void>} async method returns.
     *
     * @return the shared ready future of null
     */
    static Future<Void> done() {
        return Ready.done();
    }

    /**
     * A future that fails with {@code error} (thrown as the original object) when polled.
     *
     * @param error the failure
     * @param <T> the type of the value it never has
     * @return a failed future
     */
    static <T> Future<T> failed(Throwable error) {
        return Ready.failed(error);
    }

    /**
     * A leaf future over a {@link CompletionStage}: ready when the stage completes, woken from
     * whichever thread completes it. Cancelling it cancels the stage's CompletableFuture (as
     * kotlinx-coroutines' {@code CompletionStage.await} does), because an awaiter that gives up
     * on a one-shot stage means its result is no longer wanted.
     *
     * <pre>{@code
     * Future<HttpResponse<String>> r = Future.of(client.sendAsync(request, BodyHandlers.ofString()));
     * }</pre>
     *
     * @param stage the stage to wait for
     * @param <T> the type of its value
     * @return a future completing with the stage's outcome
     */
    static <T> Future<T> of(CompletionStage<T> stage) {
        return new StageFuture<>(stage);
    }
}
