package dev.weft.internal.future;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.Waker;
import dev.weft.internal.coroutine.Sneaky;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * Leaf future over a CompletionStage. The first pending poll registers one completion callback;
 * later polls only replace the waker it will call, so re-polling never piles up callbacks.
 */
public final class StageFuture<T> implements Future<T>, dev.weft.internal.dump.Awaited {

    private final CompletableFuture<T> stage;

    /** The waker of the latest pending poll; read by the completing thread. */
    private volatile Waker waker;

    /** Whether the completion callback is registered; touched only by the polling thread. */
    private boolean registered;

    public StageFuture(CompletionStage<T> stage) {
        this.stage = asCompletableFuture(stage);
    }

    /**
     * The stage as a CompletableFuture. {@code toCompletableFuture} is optional for
     * CompletionStage implementations (it may throw UnsupportedOperationException); then a
     * mirror is completed from the stage, and cancelling the future cannot reach the stage.
     */
    private static <T> CompletableFuture<T> asCompletableFuture(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture();
        } catch (UnsupportedOperationException e) {
            CompletableFuture<T> mirror = new CompletableFuture<>();
            stage.whenComplete(
                    (v, t) -> {
                        if (t != null) {
                            mirror.completeExceptionally(unwrap(t));
                        } else {
                            mirror.complete(v);
                        }
                    });
            return mirror;
        }
    }

    @Override
    public Poll<T> poll(Context cx) {
        if (!stage.isDone()) {
            // ordering: publish the waker before registering and before the re-check below, so a
            // completion that races with this poll either sees the new waker or is seen by isDone.
            waker = cx.waker();
            if (!registered) {
                registered = true;
                stage.whenComplete(
                        (v, e) -> {
                            Waker w = waker;
                            if (w != null) {
                                w.wake();
                            }
                        });
            }
            if (!stage.isDone()) {
                return Poll.pending();
            }
        }
        return Poll.ready(outcome());
    }

    private T outcome() {
        try {
            return stage.join();
        } catch (CompletionException e) {
            throw Sneaky.<RuntimeException>rethrow(unwrap(e));
        } catch (CancellationException e) {
            throw e;
        }
    }

    /** The stage's own exception: CompletableFuture wraps a dependent stage's failure once. */
    static Throwable unwrap(Throwable e) {
        if ((e instanceof CompletionException || e instanceof ExecutionException)
                && e.getCause() != null) {
            return e.getCause();
        }
        return e;
    }

    /** The stage's class and whether it is done; not its toString, which a user's stage may make costly. */
    @Override
    public String describeAwait() {
        // an eager method's promise is a CompletableFuture as far as its user knows
        String type =
                stage.getClass().getName().startsWith("dev.weft.")
                        ? "java.util.concurrent.CompletableFuture"
                        : stage.getClass().getName();
        return "CompletionStage " + type + (stage.isDone() ? " (done)" : " (incomplete)");
    }

    /** An eager woven method's promise: the dump goes on into that method's frames. */
    @Override
    public Future<?> awaitedInside() {
        return dev.weft.internal.coroutine.EagerCoroutine.ownerOf(stage);
    }

    @Override
    public void cancel() {
        waker = null;
        stage.cancel(false);
    }
}
