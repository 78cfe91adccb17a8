package dev.weft;

import java.util.concurrent.CompletableFuture;

/**
 * A spawned task's handle. Awaiting it gives the task's value or rethrows its exception (the
 * original object); a cancelled task's handle throws {@link java.util.concurrent.CancellationException}.
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

    /** True once the task completed, failed or was cancelled. */
    boolean isDone();

    /** A CompletableFuture completed with the task's outcome (the same exception object). */
    CompletableFuture<T> toCompletableFuture();
}
