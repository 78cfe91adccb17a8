package dev.weft.it;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.Poll;
import dev.weft.Scope;
import dev.weft.internal.scheduler.LiveTasks;
import dev.weft.sync.Oneshot;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Scope} with woven bodies and children, on both executors: completion order, failure
 * and cancellation in both directions, nested scopes, many children, and the runtime's own
 * live-task count after the scope's future has completed. Asserts order and identity, never time.
 * The class timeout only turns a lost wake (a hang) into a failure.
 */
@Timeout(120)
class ScopeTest {

    static AsyncRuntime runtime(String kind) {
        return kind.equals("current")
                ? AsyncRuntime.currentThread()
                : AsyncRuntime.builder().workers(2).build();
    }

    /** A failure with an identity: the tests check that the very object comes out. */
    static final class Boom extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Boom(String message) {
            super(message);
        }
    }

    // ---- woven building blocks ----

    static Future<String> sleepThenLog(List<String> log, int millis, String name) {
        await(Async.sleep(Duration.ofMillis(millis)));
        log.add(name);
        return Future.ready(name);
    }

    /** Counts its start, then waits for a value that never comes; counts its finally. */
    static Future<String> waitsForever(AtomicInteger started, AtomicInteger finallies) {
        started.incrementAndGet();
        try {
            await(new Oneshot<String>().future());
            return Future.ready("never");
        } finally {
            finallies.incrementAndGet();
        }
    }

    /** Fails with {@code e} once {@code started} reached {@code others} (so they all run first). */
    static Future<String> failsOnce(AtomicInteger started, int others, RuntimeException e) {
        while (started.get() < others) {
            await(Async.yieldNow());
        }
        throw e;
    }

    /** Waits forever; when cancelled, fails with {@code e} instead (a later failure). */
    static Future<String> failsWhenCancelled(AtomicInteger started, RuntimeException e) {
        started.incrementAndGet();
        try {
            await(new Oneshot<String>().future());
            return Future.ready("never");
        } catch (CancellationException c) {
            throw e;
        }
    }

    /** A hand-written future: pending (waking itself) until {@code condition} holds. */
    static Future<Void> until(BooleanSupplier condition) {
        return cx -> {
            if (condition.getAsBoolean()) {
                return Poll.ready(null);
            }
            cx.waker().wake();
            return Poll.pending();
        };
    }

    static void assertNoTaskAlive(AsyncRuntime rt) {
        assertEquals(List.of(), LiveTasks.of(rt), "tasks alive after the scope completed");
    }

    // ---- completion order ----

    static Future<String> logsAfterScope(List<String> log) {
        String v =
                await(
                        Scope.run(
                                s -> {
                                    s.spawn(sleepThenLog(log, 30, "slow"));
                                    s.spawn(sleepThenLog(log, 1, "fast"));
                                    log.add("body");
                                    return Future.ready("value of the body");
                                }));
        log.add("scope done");
        return Future.ready(v);
    }

    @ParameterizedTest
    @ValueSource(strings = {"current", "stealing"})
    void theScopeCompletesWithTheBodysValueOnlyAfterItsSlowestChild(String kind) {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        try (AsyncRuntime rt = runtime(kind)) {
            assertEquals("value of the body", rt.blockOn(logsAfterScope(log)));
            assertEquals(4, log.size(), log.toString());
            assertEquals(Set.of("body", "fast", "slow"), Set.copyOf(log.subList(0, 3)));
            assertEquals("scope done", log.get(3));
            assertNoTaskAlive(rt);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"current", "stealing"})
    void runIsLazy(String kind) {
        AtomicBoolean ran = new AtomicBoolean();
        try (AsyncRuntime rt = runtime(kind)) {
            Future<String> f =
                    Scope.run(
                            s -> {
                                ran.set(true);
                                return Future.ready("x");
                            });
            assertFalse(ran.get(), "nothing runs before the first poll");
            assertEquals("x", rt.blockOn(f));
            assertTrue(ran.get());
        }
    }

    static Future<Integer> square(int i) {
        await(Async.yieldNow());
        return Future.ready(i * i);
    }

    static Future<Integer> sumOfAwaitedChildren(Scope s) {
        JoinHandle<Integer> a = s.spawn(square(3));
        JoinHandle<Integer> b = s.spawn(square(4));
        return Future.ready(await(a) + await(b));
    }

    @ParameterizedTest
    @ValueSource(strings = {"current", "stealing"})
    void theBodyAwaitsItsChildrensHandlesNormally(String kind) {
        try (AsyncRuntime rt = runtime(kind)) {
            assertEquals(25, rt.blockOn(Scope.run(ScopeTest::sumOfAwaitedChildren)));
            assertNoTaskAlive(rt);
        }
    }

    static Future<String> spawnsAGrandchild(Scope s, List<String> log) {
        await(Async.yieldNow());
        s.spawn(sleepThenLog(log, 10, "spawned by a child"));
        return Future.ready("child");
    }

    @ParameterizedTest
    @ValueSource(strings = {"current", "stealing"})
    void aChildMaySpawnIntoTheScopeWhichWaitsForThatTaskToo(String kind) {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        try (AsyncRuntime rt = runtime(kind)) {
            assertEquals(
                    "body",
                    rt.blockOn(
                            Scope.run(
                                    s -> {
                                        s.spawn(spawnsAGrandchild(s, log));
                                        return Future.ready("body");
                                    })));
            assertEquals(List.of("spawned by a child"), log);
            assertNoTaskAlive(rt);
        }
    }

    // ---- a child fails ----

    @ParameterizedTest
    @ValueSource(strings = {"current", "stealing"})
    void aChildsFailureCancelsTheSuspendedBodyAndTheSiblingsAndIsRethrownAsTheOriginalObject(
            String kind) {
        Boom boom = new Boom("child failed");
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finallies = new AtomicInteger();
        List<JoinHandle<String>> children = new ArrayList<>();
        try (AsyncRuntime rt = runtime(kind)) {
            Future<String> scope =
                    Scope.run(
                            s -> {
                                children.add(s.spawn(waitsForever(started, finallies)));
                                children.add(s.spawn(waitsForever(started, finallies)));
                                children.add(s.spawn(failsOnce(started, 3, boom)));
                                return waitsForever(
                                        started,
                                        finallies); // the body stays suspended: the failure must
                                // wake it
                            });
            Boom thrown = assertThrows(Boom.class, () -> rt.blockOn(scope));
            assertSame(boom, thrown);
            assertEquals(List.of(), laterFailures(thrown), "cancellations are not later failures");
            assertEquals(3, finallies.get(), "the body's and both siblings' finally blocks ran");
            for (JoinHandle<String> h : children) {
                assertTrue(h.isDone());
            }
            assertNoTaskAlive(rt);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"current", "stealing"})
    void laterFailuresAreSuppressedByTheFirstButNeverItself(String kind) {
        Boom boom = new Boom("first");
        Boom later = new Boom("later");
        AtomicInteger started = new AtomicInteger();
        try (AsyncRuntime rt = runtime(kind)) {
            Future<String> scope =
                    Scope.run(
                            s -> {
                                s.spawn(failsWhenCancelled(started, later));
                                s.spawn(
                                        failsWhenCancelled(
                                                started,
                                                boom)); // the first failure again, when cancelled
                                s.spawn(failsOnce(started, 2, boom));
                                return Future.ready("body done early");
                            });
            Boom thrown = assertThrows(Boom.class, () -> rt.blockOn(scope));
            assertSame(boom, thrown);
            assertEquals(List.of(later), laterFailures(thrown));
            assertNoTaskAlive(rt);
        }
    }

    static Future<String> catchesTheChildsFailure(Scope s, Boom boom, List<String> log) {
        JoinHandle<String> h = s.spawn(failsOnce(new AtomicInteger(), 0, boom));
        try {
            await(h);
        } catch (Boom e) {
            log.add("caught " + (e == boom));
        }
        return Future.ready("handled");
    }

    @ParameterizedTest
    @ValueSource(strings = {"current", "stealing"})
    void aChildFailureTheBodyCaughtStillFailsTheScope(String kind) {
        Boom boom = new Boom("handled by the body");
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        try (AsyncRuntime rt = runtime(kind)) {
            Future<String> scope = Scope.run(s -> catchesTheChildsFailure(s, boom, log));
            assertSame(boom, assertThrows(Boom.class, () -> rt.blockOn(scope)));
            assertEquals(List.of("caught true"), log);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"current", "stealing"})
    void aCheckedChildFailureComesOutAsTheOriginalObject(String kind) {
        IOException io = new IOException("disk");
        try (AsyncRuntime rt = runtime(kind)) {
            Future<String> scope =
                    Scope.run(
                            s -> {
                                s.spawn(Future.failed(io));
                                return Future.ready("body");
                            });
            assertSame(io, assertThrows(IOException.class, () -> rt.blockOn(scope)));
        }
    }

    // ---- the body fails ----

    @ParameterizedTest
    @ValueSource(strings = {"current", "stealing"})
    void theBodysFailureCancelsEveryChild(String kind) {
        Boom boom = new Boom("body failed");
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finallies = new AtomicInteger();
        try (AsyncRuntime rt = runtime(kind)) {
            Future<String> scope =
                    Scope.run(
                            s -> {
                                s.spawn(waitsForever(started, finallies));
                                s.spawn(waitsForever(started, finallies));
                                return failsOnce(started, 2, boom);
                            });
            assertSame(boom, assertThrows(Boom.class, () -> rt.blockOn(scope)));
            assertEquals(2, finallies.get());
            assertNoTaskAlive(rt);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"current", "stealing"})
    void aBodyThatThrowsBeforeReturningItsFutureCancelsTheChildrenItSpawned(String kind) {
        Boom boom = new Boom("thrown by the lambda");
        AtomicReference<JoinHandle<String>> child = new AtomicReference<>();
        try (AsyncRuntime rt = runtime(kind)) {
            Future<String> scope =
                    Scope.run(
                            s -> {
                                child.set(
                                        s.spawn(
                                                waitsForever(
                                                        new AtomicInteger(), new AtomicInteger())));
                                throw boom;
                            });
            assertSame(boom, assertThrows(Boom.class, () -> rt.blockOn(scope)));
            assertTrue(child.get().isDone(), "the child ended before the scope completed");
            assertNoTaskAlive(rt);
        }
    }

    // ---- the scope is cancelled from outside ----

    @ParameterizedTest
    @ValueSource(strings = {"current", "stealing"})
    void cancellingTheScopesTaskCancelsTheBodyAndEveryChildAndRunsTheirFinallyBlocks(String kind) {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finallies = new AtomicInteger();
        List<JoinHandle<String>> children = Collections.synchronizedList(new ArrayList<>());
        try (AsyncRuntime rt = runtime(kind)) {
            JoinHandle<String> h =
                    rt.spawn(
                            Scope.run(
                                    s -> {
                                        children.add(s.spawn(waitsForever(started, finallies)));
                                        children.add(s.spawn(waitsForever(started, finallies)));
                                        return waitsForever(started, finallies);
                                    }));
            rt.blockOn(until(() -> started.get() == 3));
            h.cancel();
            assertThrows(CancellationException.class, () -> rt.blockOn(h));
            assertEquals(
                    3,
                    finallies.get(),
                    "finally blocks of the body and both children ran before the scope ended");
            for (JoinHandle<String> c : children) {
                assertTrue(c.isDone());
            }
            assertNoTaskAlive(rt);
        }
    }

    /** Never idle: yields again and again, so its task is mostly in a run queue. */
    static Future<String> busy(AtomicInteger started, AtomicInteger finallies) {
        started.incrementAndGet();
        try {
            while (true) {
                await(Async.yieldNow());
            }
        } finally {
            finallies.incrementAndGet();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"current", "stealing"})
    void cancellingTheScopeEndsBusyChildrenThatWaitInARunQueueToo(String kind) {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finallies = new AtomicInteger();
        try (AsyncRuntime rt = runtime(kind)) {
            JoinHandle<String> h =
                    rt.spawn(
                            Scope.run(
                                    s -> {
                                        for (int i = 0; i < 4; i++) {
                                            s.spawn(busy(started, finallies));
                                        }
                                        return busy(started, finallies);
                                    }));
            rt.blockOn(until(() -> started.get() == 5));
            h.cancel();
            assertThrows(CancellationException.class, () -> rt.blockOn(h));
            assertEquals(
                    5,
                    finallies.get(),
                    "the body's and every busy child's finally block ran before the scope ended");
        }
    }

    static Future<String> awaitsAScope(
            AtomicInteger started, AtomicInteger finallies, List<String> log) {
        try {
            return Future.ready(
                    await(
                            Scope.run(
                                    s -> {
                                        s.spawn(waitsForever(started, finallies));
                                        return waitsForever(started, finallies);
                                    })));
        } finally {
            log.add("outer finally, children's finally blocks run: " + finallies.get());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"current", "stealing"})
    void cancellingACoroutineSuspendedOnAScopeEndsTheChildrenBeforeItsOwnFinally(String kind) {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finallies = new AtomicInteger();
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        try (AsyncRuntime rt = runtime(kind)) {
            JoinHandle<String> h = rt.spawn(awaitsAScope(started, finallies, log));
            rt.blockOn(until(() -> started.get() == 2));
            h.cancel();
            assertThrows(CancellationException.class, () -> rt.blockOn(h));
            assertEquals(List.of("outer finally, children's finally blocks run: 2"), log);
            assertNoTaskAlive(rt);
        }
    }

    static Future<String> timesOutAScope(AtomicInteger started, AtomicInteger finallies)
            throws TimeoutException {
        return Future.ready(
                await(
                        Async.timeout(
                                Duration.ofMillis(20),
                                Scope.run(
                                        s -> {
                                            s.spawn(waitsForever(started, finallies));
                                            s.spawn(waitsForever(started, finallies));
                                            return waitsForever(started, finallies);
                                        }))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"current", "stealing"})
    void aTimeoutAroundTheScopeCancelsEverythingInIt(String kind) {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finallies = new AtomicInteger();
        try (AsyncRuntime rt = runtime(kind)) {
            assertThrows(
                    TimeoutException.class, () -> rt.blockOn(timesOutAScope(started, finallies)));
            assertEquals(
                    started.get(), finallies.get(), "every started body or child ran its finally");
            assertNoTaskAlive(rt);
        }
    }

    // ---- nested scopes ----

    static Future<String> innerScope(AtomicInteger started, AtomicInteger finallies, Boom boom) {
        return Scope.run(
                s -> {
                    s.spawn(waitsForever(started, finallies));
                    s.spawn(failsOnce(started, 4, boom));
                    return waitsForever(started, finallies);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"current", "stealing"})
    void aFailureDeepInANestedScopeFailsEveryScopeAboveItWithTheSameObject(String kind) {
        Boom boom = new Boom("grandchild failed");
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finallies = new AtomicInteger();
        try (AsyncRuntime rt = runtime(kind)) {
            Future<String> outer =
                    Scope.run(
                            s -> {
                                s.spawn(innerScope(started, finallies, boom));
                                s.spawn(waitsForever(started, finallies));
                                return waitsForever(started, finallies);
                            });
            assertSame(boom, assertThrows(Boom.class, () -> rt.blockOn(outer)));
            assertEquals(4, finallies.get(), "two bodies and two waiting children ended");
            assertNoTaskAlive(rt);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"current", "stealing"})
    void cancellingTheOuterScopeEndsTheTasksOfTheScopesNestedInIt(String kind) {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finallies = new AtomicInteger();
        try (AsyncRuntime rt = runtime(kind)) {
            JoinHandle<String> h =
                    rt.spawn(
                            Scope.run(
                                    s -> {
                                        s.spawn(
                                                Scope.run(
                                                        inner -> {
                                                            inner.spawn(
                                                                    waitsForever(
                                                                            started, finallies));
                                                            return waitsForever(started, finallies);
                                                        }));
                                        return waitsForever(started, finallies);
                                    }));
            rt.blockOn(until(() -> started.get() == 3));
            h.cancel();
            assertThrows(CancellationException.class, () -> rt.blockOn(h));
            assertEquals(
                    3,
                    finallies.get(),
                    "the outer body, the inner body and the inner task ended with the outer scope");
            assertNoTaskAlive(rt);
        }
    }

    static Future<Integer> nestedSum(int depth) {
        if (depth == 0) {
            return square(2);
        }
        return Scope.run(
                s -> {
                    JoinHandle<Integer> a = s.spawn(nestedSum(depth - 1));
                    JoinHandle<Integer> b = s.spawn(nestedSum(depth - 1));
                    return addHandles(a, b);
                });
    }

    static Future<Integer> addHandles(JoinHandle<Integer> a, JoinHandle<Integer> b) {
        return Future.ready(await(a) + await(b));
    }

    @ParameterizedTest
    @ValueSource(strings = {"current", "stealing"})
    void nestedScopesCombineTheirValues(String kind) {
        try (AsyncRuntime rt = runtime(kind)) {
            assertEquals(4 << 6, rt.blockOn(nestedSum(6)));
            assertNoTaskAlive(rt);
        }
    }

    // ---- many children ----

    static Future<Integer> tick(AtomicLong sum, int i) {
        await(Async.yieldNow());
        sum.addAndGet(i);
        return Future.ready(i);
    }

    @ParameterizedTest
    @ValueSource(strings = {"current", "stealing"})
    void tenThousandChildrenAllFinishBeforeTheScope(String kind) {
        int n = 10_000;
        AtomicLong sum = new AtomicLong();
        try (AsyncRuntime rt = runtime(kind)) {
            assertEquals(
                    "spawned",
                    rt.blockOn(
                            Scope.run(
                                    s -> {
                                        for (int i = 0; i < n; i++) {
                                            s.spawn(tick(sum, i));
                                        }
                                        return Future.ready("spawned");
                                    })));
            assertEquals((long) n * (n - 1) / 2, sum.get());
            assertNoTaskAlive(rt);
        }
    }

    static Future<String> sleepsAnHour(AtomicInteger started, AtomicInteger finallies) {
        started.incrementAndGet();
        try {
            await(Async.sleep(Duration.ofHours(1)));
            return Future.ready("never");
        } finally {
            finallies.incrementAndGet();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"current", "stealing"})
    void oneFailureAmongTenThousandChildrenCancelsAllOthers(String kind) {
        int n = 10_000;
        Boom boom = new Boom("one of many");
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finallies = new AtomicInteger();
        try (AsyncRuntime rt = runtime(kind)) {
            Future<String> scope =
                    Scope.run(
                            s -> {
                                for (int i = 0; i < n; i++) {
                                    s.spawn(sleepsAnHour(started, finallies));
                                }
                                s.spawn(failsOnce(started, n, boom));
                                return Future.ready("body");
                            });
            assertSame(boom, assertThrows(Boom.class, () -> rt.blockOn(scope)));
            assertEquals(n, finallies.get());
            assertNoTaskAlive(rt);
        }
    }

    // ---- misuse ----

    @ParameterizedTest
    @ValueSource(strings = {"current", "stealing"})
    void spawningAfterTheScopeEndedIsRefused(String kind) {
        AtomicReference<Scope> escaped = new AtomicReference<>();
        try (AsyncRuntime rt = runtime(kind)) {
            rt.blockOn(
                    Scope.run(
                            s -> {
                                escaped.set(s);
                                return Future.ready("done");
                            }));
            IllegalStateException e =
                    assertThrows(
                            IllegalStateException.class,
                            () ->
                                    rt.blockOn(
                                            until(
                                                    () -> {
                                                        escaped.get().spawn(Future.ready("late"));
                                                        return true;
                                                    })));
            assertTrue(e.getMessage().contains("Scope.spawn"), e.getMessage());
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
