package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.internal.scheduler.CurrentThreadScheduler;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Issue 14 point 2: blockOn(CompletionStage), varargs all/race, Async.nanoTime, the typed await unwoven. */
class ApiAdditionsTest {

    @Test
    void blockOnAStageReturnsItsValueCompletedOnAnotherThread() {
        try (AsyncRuntime rt = AsyncRuntime.currentThread()) {
            CompletableFuture<String> gate = new CompletableFuture<>();
            CompletionStage<String> stage = gate.thenApply(s -> s + "!");
            new Thread(() -> gate.complete("hi")).start();
            assertEquals("hi!", rt.blockOn(stage));
        }
    }

    @Test
    void blockOnAStageRethrowsTheOriginalFailureUnwrapped() {
        IOException io = new IOException("io");
        try (AsyncRuntime rt = AsyncRuntime.create()) {
            assertSame(
                    io,
                    assertThrows(
                            IOException.class,
                            () -> rt.blockOn(CompletableFuture.failedFuture(io))));
            // a dependent stage holds it wrapped in CompletionException; blockOn unwraps it
            CompletionStage<String> dependent =
                    CompletableFuture.<String>failedFuture(io).thenApply(s -> s);
            assertSame(io, assertThrows(IOException.class, () -> rt.blockOn(dependent)));
        }
    }

    @Test
    void allAndRaceTakeTheFuturesAsArguments() {
        try (AsyncRuntime rt = AsyncRuntime.currentThread()) {
            Future<List<Integer>> all =
                    Futures.all(Future.ready(1), Future.ready(2), Future.ready(3));
            assertEquals(List.of(1, 2, 3), rt.blockOn(all));
            assertEquals(List.of(), rt.blockOn(Futures.<Integer>all()));
            Future<Integer> never = Future.of(new CompletableFuture<Integer>());
            Future<Integer> race = Futures.race(never, Future.ready(7));
            assertEquals(7, rt.blockOn(race));
        }
        assertThrows(IllegalArgumentException.class, () -> Futures.race());
    }

    @Test
    void nanoTimeOutsideARuntimeIsSystemNanoTime() {
        long before = System.nanoTime();
        long t = Async.nanoTime();
        long after = System.nanoTime();
        assertTrue(before <= t && t <= after, before + " <= " + t + " <= " + after);
    }

    @Test
    void nanoTimeInsideARuntimeReadsTheRuntimesTimerClock() {
        AtomicLong manual = new AtomicLong(1_000_000_000L);
        CurrentThreadScheduler rt = new CurrentThreadScheduler(manual::get);
        try {
            long[] seen = new long[2];
            rt.blockOn(
                    cx -> {
                        seen[0] = Async.nanoTime();
                        manual.addAndGet(5_000);
                        seen[1] = Async.nanoTime();
                        return Poll.ready(null);
                    });
            assertEquals(1_000_000_000L, seen[0]);
            assertEquals(1_000_005_000L, seen[1]);
        } finally {
            rt.shutdown();
        }
    }

    @Test
    void typedAwaitUnwovenIsRefusedWithTheSameMessage() {
        String plain =
                assertThrows(IllegalStateException.class, () -> Async.await(Future.done()))
                        .getMessage();
        assertEquals(
                plain,
                assertThrows(
                                IllegalStateException.class,
                                () -> Async.await(Future.done(), IOException.class))
                        .getMessage());
        assertEquals(
                plain,
                assertThrows(
                                IllegalStateException.class,
                                () ->
                                        Async.await(
                                                CompletableFuture.completedFuture(1),
                                                IOException.class))
                        .getMessage());
    }
}
