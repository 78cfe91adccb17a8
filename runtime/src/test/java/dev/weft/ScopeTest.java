package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.internal.scheduler.LiveTasks;
import dev.weft.internal.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Scope} with hand-written futures (no weaving), on both executors: the scope's own
 * poll/cancel protocol. The woven cases (await in bodies and children) are in the
 * integration tests' ScopeTest. The class timeout only turns a lost wake into a failure.
 */
@Timeout(60)
class ScopeTest {

    static AsyncRuntime runtime(String kind) {
        return kind.equals("current")
                ? AsyncRuntime.currentThread()
                : AsyncRuntime.builder().workers(2).build();
    }

    /** Polls {@code scope} (waking itself) until every child was polled, then cancels it and runs {@code after}. */
    static Future<Void> cancelOnceStarted(
            Future<?> scope, List<ManualFuture<String>> children, Runnable after) {
        return cx -> {
            assertFalse(scope.poll(cx).isReady());
            for (ManualFuture<String> c : children) {
                if (c.polls.get() == 0) {
                    cx.waker().wake();
                    return Poll.pending();
                }
            }
            scope.cancel();
            after.run();
            return Poll.ready(null);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"current", "stealing"})
    void cancelEndsTheBodyAndEveryIdleChildBeforeItReturns(String kind) {
        ManualFuture<String> body = new ManualFuture<>();
        List<ManualFuture<String>> children =
                List.of(new ManualFuture<>(), new ManualFuture<>(), new ManualFuture<>());
        List<JoinHandle<String>> handles = new ArrayList<>();
        List<String> seenAtReturn = new ArrayList<>();
        try (AsyncRuntime rt = runtime(kind)) {
            Future<String> scope =
                    Scope.run(
                            s -> {
                                for (ManualFuture<String> c : children) {
                                    handles.add(s.spawn(c));
                                }
                                return body;
                            });
            rt.blockOn(
                    cancelOnceStarted(
                            scope,
                            children,
                            () -> {
                                seenAtReturn.add("body cancels " + body.cancels.get());
                                for (int i = 0; i < children.size(); i++) {
                                    seenAtReturn.add(
                                            "child "
                                                    + i
                                                    + " cancels "
                                                    + children.get(i).cancels.get()
                                                    + ", done "
                                                    + handles.get(i).isDone());
                                }
                            }));
            assertEquals(
                    List.of(
                            "body cancels 1",
                            "child 0 cancels 1, done true",
                            "child 1 cancels 1, done true",
                            "child 2 cancels 1, done true"),
                    seenAtReturn);
            assertThrows(
                    CancellationException.class,
                    () -> rt.blockOn(scope),
                    "a cancelled scope stays cancelled");
            assertEquals(List.of(), LiveTasks.of(rt));
        }
    }

    /** Never ready and always woken again: its task sits in a run queue whenever it is not being polled. */
    static final class Busy implements Future<String> {
        final java.util.concurrent.atomic.AtomicInteger polls =
                new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger cancels =
                new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public Poll<String> poll(Context cx) {
            polls.incrementAndGet();
            cx.waker().wake();
            return Poll.pending();
        }

        @Override
        public void cancel() {
            cancels.incrementAndGet();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"current", "stealing"})
    void cancelEndsEvenTheChildrenThatWaitInARunQueueBeforeItReturns(String kind) {
        List<Busy> children = List.of(new Busy(), new Busy(), new Busy());
        List<String> seenAtReturn = new ArrayList<>();
        try (AsyncRuntime rt = runtime(kind)) {
            Future<String> scope =
                    Scope.run(
                            s -> {
                                for (Busy c : children) {
                                    s.spawn(c);
                                }
                                return new ManualFuture<>();
                            });
            rt.blockOn(
                    (Future<Void>)
                            cx -> {
                                assertFalse(scope.poll(cx).isReady());
                                for (Busy c : children) {
                                    if (c.polls.get() < 2) {
                                        cx.waker().wake();
                                        return Poll.pending();
                                    }
                                }
                                scope.cancel();
                                for (Busy c : children) {
                                    seenAtReturn.add("cancels " + c.cancels.get());
                                }
                                return Poll.ready(null);
                            });
            assertEquals(List.of("cancels 1", "cancels 1", "cancels 1"), seenAtReturn);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"current", "stealing"})
    void aChildFailureWakesTheSuspendedScopeWhichCancelsTheRestAndRethrowsTheOriginal(String kind) {
        RuntimeException boom = new IllegalStateException("child");
        ManualFuture<String> body = new ManualFuture<>();
        ManualFuture<String> sibling = new ManualFuture<>();
        ManualFuture<String> failing = new ManualFuture<>();
        try (AsyncRuntime rt = runtime(kind)) {
            JoinHandle<String> h =
                    rt.spawn(
                            Scope.run(
                                    s -> {
                                        s.spawn(sibling);
                                        s.spawn(failing);
                                        return body;
                                    }));
            rt.blockOn(
                    TestFutures.until(
                            () ->
                                    body.polls.get() > 0
                                            && sibling.polls.get() > 0
                                            && failing.polls.get() > 0));
            failing.fail(boom);
            assertSame(boom, assertThrows(IllegalStateException.class, () -> rt.blockOn(h)));
            assertEquals(1, body.cancels.get());
            assertEquals(1, sibling.cancels.get());
            assertEquals(0, failing.cancels.get(), "a child that failed is not cancelled");
            assertEquals(List.of(), laterFailures(boom), "cancellations are not later failures");
            assertEquals(List.of(), LiveTasks.of(rt));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"current", "stealing"})
    void theScopeWaitsForItsChildrenAfterTheBodyIsDone(String kind) {
        ManualFuture<String> child = new ManualFuture<>();
        try (AsyncRuntime rt = runtime(kind)) {
            JoinHandle<String> h =
                    rt.spawn(
                            Scope.run(
                                    s -> {
                                        s.spawn(child);
                                        return Future.ready("body");
                                    }));
            rt.blockOn(TestFutures.until(() -> child.polls.get() > 0));
            assertFalse(h.isDone(), "the body is done, its child is not");
            child.complete("child");
            assertEquals("body", rt.blockOn(h));
            assertEquals(List.of(), LiveTasks.of(rt));
        }
    }

    @Test
    void runIsLazyAndABodyWithoutChildrenGivesItsValueOrItsOriginalFailure() {
        AtomicBoolean applied = new AtomicBoolean();
        Future<String> f =
                Scope.run(
                        s -> {
                            applied.set(true);
                            return Future.ready("v");
                        });
        assertFalse(applied.get());
        Context cx = Context.of(() -> {});
        assertEquals("v", f.poll(cx).value());
        assertTrue(applied.get());
        assertEquals("v", f.poll(cx).value(), "a complete scope keeps its value");
        RuntimeException e = new IllegalArgumentException("body");
        Future<String> failing = Scope.run(s -> Future.failed(e));
        assertSame(e, assertThrows(IllegalArgumentException.class, () -> failing.poll(cx)));
    }

    @Test
    void spawnOutsideARuntimeFailsTheBodyWithAClearMessage() {
        Future<String> f =
                Scope.run(
                        s -> {
                            s.spawn(Future.ready("x"));
                            return Future.ready("never");
                        });
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> f.poll(Context.of(() -> {})));
        assertTrue(
                e.getMessage().startsWith("Scope.spawn called outside a weft runtime"),
                e.getMessage());
    }

    @Test
    void cancelNowRunsAnIdleTasksCancellationOnTheCallersThread() {
        ManualFuture<String> f = new ManualFuture<>();
        try (AsyncRuntime rt = AsyncRuntime.currentThread()) {
            JoinHandle<String> h = rt.spawn(f);
            rt.blockOn(TestFutures.until(() -> f.polls.get() > 0));
            assertTrue(((Task<String>) h).cancelNow());
            assertTrue(h.isDone(), "cancelled on this thread, not queued");
            assertEquals(1, f.cancels.get());
            assertTrue(((Task<String>) h).cancelNow(), "idempotent");
            assertEquals(1, f.cancels.get());
        }
    }

    /**
     * The suppressed exceptions that are failures, leaving out the async stack trace a failure
     * gains when it crosses a task's handle (issue 16, point 4).
     */
    static List<Throwable> laterFailures(Throwable t) {
        return java.util.Arrays.stream(t.getSuppressed())
                .filter(
                        s ->
                                !s.getClass()
                                        .getName()
                                        .equals("dev.weft.internal.coroutine.AsyncStackTrace"))
                .collect(java.util.stream.Collectors.toList());
    }
}
