package dev.weft.internal.coroutine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Context;
import dev.weft.Future;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The outcome protocol of EagerCoroutine (issue 12, point 2): the promise always completes. */
class EagerCoroutineTest {

    /** Throws a StackOverflowError from its first completion, as a publish near the stack's end. */
    static final class OverflowingPromise<T> extends CompletableFuture<T> {
        int completions;

        @Override
        public boolean complete(T value) {
            if (completions++ == 0) {
                throw new StackOverflowError("while publishing");
            }
            return super.complete(value);
        }
    }

    /** What the weaver makes of {@code return CompletableFuture.completedFuture(42);}. */
    static final class ReturnsAtOnce extends EagerCoroutine<Integer> {
        ReturnsAtOnce(CompletableFuture<Integer> promise) {
            super(promise);
        }

        @Override
        protected Object resume(Context cx) {
            return Future.ready(42);
        }
    }

    @Test
    void aStackOverflowWhilePublishingCompletesThePromiseWithIt() {
        OverflowingPromise<Integer> promise = new OverflowingPromise<>();
        CompletableFuture<Integer> returned = new ReturnsAtOnce(promise).start();
        assertSame(promise, returned);
        assertTrue(returned.isDone(), "the promise must not be left incomplete");
        ExecutionException e = assertThrows(ExecutionException.class, returned::get);
        assertTrue(e.getCause() instanceof StackOverflowError, String.valueOf(e.getCause()));
    }

    @Test
    void theConstructorTakesThePromiseToComplete() throws Exception {
        CompletableFuture<Integer> promise = new CompletableFuture<>();
        CompletableFuture<Integer> returned = new ReturnsAtOnce(promise).start();
        assertSame(promise, returned);
        assertEquals(42, returned.get());
    }
}
