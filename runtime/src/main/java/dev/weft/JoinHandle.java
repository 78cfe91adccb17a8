package dev.weft;

import java.util.concurrent.CompletableFuture;

/**
 * A spawned task's handle. Awaiting it gives the task's value or rethrows its exception (the
 * original object); a cancelled task's handle throws {@link java.util.concurrent.CancellationException}.
 *
 * <pre>{@code
 * JoinHandle<User> user = Async.spawn(loadUser(id));          // starts running now
 * JoinHandle<List<Order>> orders = Async.spawn(loadOrders(id));
 * return Future.ready(new Page(await(user), await(orders)));  // both ran at the same time
 * }</pre>
 *
 * @param <T> the type of the task's value
 */
public interface JoinHandle<T> extends Future<T> {

    /**
     * Aborts the task: at its next poll its pending await throws CancellationException, its
     * {@code finally} blocks run, and what it awaited is cancelled. No effect once done.
     */
    @Override
    void cancel();

    /**
     * True once the task completed, failed or was cancelled.
     *
     * @return whether the task is over
     */
    boolean isDone();

    /**
     * A CompletableFuture completed with the task's outcome (the same exception object), for
     * code outside weft.
     *
     * @return a CompletableFuture of the task's outcome
     */
    CompletableFuture<T> toCompletableFuture();
}
