package dev.weft.internal.future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Context;
import dev.weft.Future;
import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Future.of over CompletionStages, polled by hand. */
class StageFutureTest {

    @Test
    void registersOneCallbackAndWakesTheLatestWaker() {
        CompletableFuture<String> cf = new CompletableFuture<>();
        Future<String> f = Future.of(cf);
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        assertFalse(f.poll(Context.of(first::incrementAndGet)).isReady());
        assertFalse(f.poll(Context.of(second::incrementAndGet)).isReady());
        assertEquals(1, cf.getNumberOfDependents());
        cf.complete("v");
        assertEquals(0, first.get());
        assertEquals(1, second.get());
        assertEquals("v", f.poll(Context.of(() -> {})).value());
    }

    @Test
    void failuresOfDependentStagesAreUnwrappedToTheOriginal() {
        IOException boom = new IOException("boom");
        CompletableFuture<String> cf = new CompletableFuture<>();
        CompletionStage<String> dependent = cf.thenApply(s -> s + "!");
        Future<String> f = Future.of(dependent);
        f.poll(Context.of(() -> {}));
        cf.completeExceptionally(boom);
        assertSame(boom, assertThrows(IOException.class, () -> f.poll(Context.of(() -> {}))));
    }

    @Test
    void cancelCancelsTheStage() {
        CompletableFuture<String> cf = new CompletableFuture<>();
        Future<String> f = Future.of(cf);
        f.poll(Context.of(() -> {}));
        f.cancel();
        assertTrue(cf.isCancelled());
        assertThrows(CancellationException.class, () -> f.poll(Context.of(() -> {})));
    }

    @Test
    void stagesWithoutToCompletableFutureAreMirrored() {
        CompletableFuture<String> cf = new CompletableFuture<>();
        CompletionStage<String> opaque = new OpaqueStage<>(cf.minimalCompletionStage());
        Future<String> f = Future.of(opaque);
        AtomicInteger wakes = new AtomicInteger();
        assertFalse(f.poll(Context.of(wakes::incrementAndGet)).isReady());
        cf.complete("x");
        assertEquals(1, wakes.get());
        assertEquals("x", f.poll(Context.of(() -> {})).value());
    }

    /** A CompletionStage whose toCompletableFuture is unsupported (the interface allows it). */
    private static final class OpaqueStage<T> extends CompletableFuture<T> {
        private final CompletionStage<T> inner;

        OpaqueStage(CompletionStage<T> inner) {
            this.inner = inner;
        }

        @Override
        public CompletableFuture<T> toCompletableFuture() {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<T> whenComplete(
                java.util.function.BiConsumer<? super T, ? super Throwable> action) {
            inner.whenComplete(action);
            return this;
        }
    }
}
