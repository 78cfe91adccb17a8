package dev.weft.fuzz.ref;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.fuzz.rt.Leaf;
import dev.weft.internal.coroutine.Sneaky;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** Reference {@code await}: the outcome of a future that is already complete. */
public final class Async {

    private static final Context NEVER_WOKEN =
            Context.of(
                    () -> {
                        throw new IllegalStateException("reference futures never pend");
                    });

    private Async() {}

    public static <T> T await(Future<T> future) {
        if (future instanceof Leaf) {
            return ((Leaf<T>) future).outcome();
        }
        Poll<T> p = future.poll(NEVER_WOKEN);
        if (!p.isReady()) {
            throw new IllegalStateException("reference future pending: " + future);
        }
        return p.value();
    }

    public static <T> T await(CompletionStage<T> stage) {
        CompletableFuture<T> cf = stage.toCompletableFuture();
        if (!cf.isDone()) {
            throw new IllegalStateException("reference stage pending");
        }
        try {
            return cf.join();
        } catch (CompletionException e) {
            throw Sneaky.<RuntimeException>rethrow(e.getCause() != null ? e.getCause() : e);
        }
    }
}
