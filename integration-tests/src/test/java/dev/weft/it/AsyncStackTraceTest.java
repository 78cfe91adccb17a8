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
import dev.weft.Futures;
import dev.weft.JoinHandle;
import dev.weft.internal.coroutine.AsyncStackTrace;
import dev.weft.internal.scheduler.LiveTasks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Async stack traces (issue 16, point 4) on woven code driven by the real runtime, every level
 * really suspended: a failure inside one task names every awaiting level; a failure that crosses
 * a task boundary (JoinHandle, Futures.all) keeps its type, identity and own trace, and gains
 * the awaiter's chain and the spawn site as one suppressed {@link AsyncStackTrace} per boundary.
 */
class AsyncStackTraceTest {

    private static final String FILE = "dev/weft/it/AsyncStackTraceTest.java";

    /** The exception object the child threw, to check identity. */
    static volatile Throwable thrown;

    static Future<Integer> failing(String message) {
        await(Async.sleep(Duration.ofMillis(1)));
        throw remember(new IllegalStateException(message)); // TRACE throw
    }

    static RuntimeException remember(RuntimeException e) {
        thrown = e;
        return e;
    }

    // ---- in one task ----

    static Future<Integer> innerLevel() {
        await(Async.yieldNow());
        return Future.ready(await(failing("in-task"))); // TRACE inner-await
    }

    static Future<Integer> outerLevel() {
        await(Async.yieldNow());
        return Future.ready(1 + await(innerLevel())); // TRACE outer-await
    }

    @Test
    void aFailureInsideOneTaskNamesEveryAwaitingLevel() {
        try (AsyncRuntime rt = AsyncRuntime.builder().workers(2).build()) {
            IllegalStateException e =
                    assertThrows(
                            IllegalStateException.class, () -> rt.blockOn(rt.spawn(outerLevel())));
            assertSame(thrown, e);
            List<String> frames = frames(e.getStackTrace());
            assertOrdered(
                    frames,
                    at("failing", "throw"),
                    at("innerLevel", "inner-await"),
                    at("outerLevel", "outer-await"));
        }
    }

    // ---- across a JoinHandle ----

    static Future<Integer> spawnAndJoin() {
        await(Async.yieldNow());
        JoinHandle<Integer> h = Async.spawn(failing("joined")); // TRACE spawn
        return Future.ready(await(h)); // TRACE join-await
    }

    static Future<Integer> caller() {
        await(Async.yieldNow());
        return Future.ready(2 * await(spawnAndJoin())); // TRACE caller-await
    }

    @Test
    void aFailureAwaitedThroughAJoinHandleGainsTheAwaitersChainAndTheSpawnSite() {
        assertTrue(AsyncStackTrace.ENABLED, "on by default");
        try (AsyncRuntime rt = AsyncRuntime.builder().workers(2).build()) {
            LiveTasks.recordSpawnSites(rt);
            IllegalStateException e =
                    assertThrows(IllegalStateException.class, () -> rt.blockOn(rt.spawn(caller())));
            assertSame(thrown, e, "the same object");
            assertEquals("joined", e.getMessage());
            // its own trace is still the child's, unchanged
            List<String> own = frames(e.getStackTrace());
            assertTrue(own.contains(at("failing", "throw")), own.toString());
            assertFalse(
                    own.stream()
                            .anyMatch(f -> f.contains(".spawnAndJoin(") || f.contains(".caller(")),
                    own.toString());

            List<AsyncStackTrace> sides = sides(e);
            assertTrue(sides.size() >= 1, Arrays.toString(e.getSuppressed()));
            AsyncStackTrace side = sides.get(0);
            assertEquals(
                    "the failure of a task spawned at "
                            + at("spawnAndJoin", "spawn")
                            + " reached its awaiter here",
                    side.getMessage());
            assertOrdered(
                    frames(side.getStackTrace()),
                    at("spawnAndJoin", "join-await"),
                    at("caller", "caller-await"));
        }
    }

    @Test
    void spawnSitesAreRecordedForEveryRuntimeCreatedWithTheProperty() {
        try (AsyncRuntime rt = withSpawnSites()) {
            IllegalStateException e =
                    assertThrows(IllegalStateException.class, () -> rt.blockOn(rt.spawn(caller())));
            assertEquals(
                    "the failure of a task spawned at "
                            + at("spawnAndJoin", "spawn")
                            + " reached its awaiter here",
                    sides(e).get(0).getMessage());
        }
        try (AsyncRuntime plain = AsyncRuntime.builder().workers(2).build()) {
            IllegalStateException e =
                    assertThrows(
                            IllegalStateException.class,
                            () -> plain.blockOn(plain.spawn(caller())));
            assertEquals(
                    "the failure of a task (spawn site not recorded) reached its awaiter here",
                    sides(e).get(0).getMessage());
            assertOrdered(
                    frames(sides(e).get(0).getStackTrace()),
                    at("spawnAndJoin", "join-await"),
                    at("caller", "caller-await"));
        }
    }

    /** A runtime created while -Dweft.spawnSites=true (read when a runtime is created). */
    static AsyncRuntime withSpawnSites() {
        System.setProperty("weft.spawnSites", "true");
        try {
            return AsyncRuntime.builder().workers(2).build();
        } finally {
            System.clearProperty("weft.spawnSites");
        }
    }

    // ---- across Futures.all ----

    static Future<Integer> ok() {
        await(Async.sleep(Duration.ofMillis(1)));
        return Future.ready(1);
    }

    static Future<Integer> joinAll() {
        await(Async.yieldNow());
        List<JoinHandle<Integer>> hs = new ArrayList<>();
        hs.add(Async.spawn(ok()));
        hs.add(Async.spawn(failing("all"))); // TRACE all-spawn
        List<Integer> r = await(Futures.all(hs)); // TRACE all-await
        return Future.ready(r.size());
    }

    static Future<Integer> allCaller() {
        await(Async.yieldNow());
        return Future.ready(await(joinAll())); // TRACE all-caller
    }

    @Test
    void aFailureAwaitedThroughFuturesAllGainsTheAwaitersChain() {
        try (AsyncRuntime rt = AsyncRuntime.builder().workers(2).build()) {
            LiveTasks.recordSpawnSites(rt);
            IllegalStateException e =
                    assertThrows(
                            IllegalStateException.class, () -> rt.blockOn(rt.spawn(allCaller())));
            assertSame(thrown, e);
            AsyncStackTrace side = sides(e).get(0);
            assertEquals(
                    "the failure of a task spawned at "
                            + at("joinAll", "all-spawn")
                            + " reached its awaiter here",
                    side.getMessage());
            List<String> frames = frames(side.getStackTrace());
            assertTrue(
                    frames.stream()
                            .anyMatch(f -> f.startsWith("dev.weft.internal.future.JoinAll.poll(")),
                    frames.toString());
            assertOrdered(frames, at("joinAll", "all-await"), at("allCaller", "all-caller"));
        }
    }

    // ---- bounds ----

    static final RuntimeException SHARED = new IllegalStateException("preallocated");

    static Future<Integer> throwsShared() {
        await(Async.yieldNow());
        throw SHARED;
    }

    static Future<Integer> joinTwiceEach(int tasks) {
        int failures = 0;
        for (int i = 0; i < tasks; i++) {
            JoinHandle<Integer> h = Async.spawn(throwsShared());
            for (int twice = 0; twice < 2; twice++) {
                try {
                    await(h);
                } catch (IllegalStateException expected) {
                    failures++;
                }
            }
        }
        return Future.ready(failures);
    }

    @Test
    void oneAwaitingSidePerBoundaryAndABoundPerException() {
        try (AsyncRuntime rt = AsyncRuntime.builder().workers(2).build()) {
            assertEquals(2, rt.blockOn(joinTwiceEach(1)));
            assertEquals(1, sides(SHARED).size(), "a handle awaited twice: one boundary");
            assertEquals(40, rt.blockOn(joinTwiceEach(20)));
            assertEquals(8, sides(SHARED).size(), "20 boundaries, capped");
            assertEquals(8, SHARED.getSuppressed().length);
        }
    }

    // ---- helpers ----

    static List<AsyncStackTrace> sides(Throwable e) {
        return Arrays.stream(e.getSuppressed())
                .filter(s -> s instanceof AsyncStackTrace)
                .map(s -> (AsyncStackTrace) s)
                .collect(Collectors.toList());
    }

    static String at(String method, String marker) {
        return AsyncStackTraceTest.class.getName()
                + "."
                + method
                + "(AsyncStackTraceTest.java:"
                + SourceLines.lineOf(FILE, "// TRACE " + marker)
                + ")";
    }

    static List<String> frames(StackTraceElement[] trace) {
        return Arrays.stream(trace)
                .map(
                        f ->
                                f.getClassName()
                                        + "."
                                        + f.getMethodName()
                                        + "("
                                        + f.getFileName()
                                        + ":"
                                        + f.getLineNumber()
                                        + ")")
                .collect(Collectors.toList());
    }

    /** Each expected frame is present, in this order (innermost first). */
    static void assertOrdered(List<String> frames, String... expected) {
        int from = 0;
        for (String e : expected) {
            int at = frames.subList(from, frames.size()).indexOf(e);
            assertTrue(
                    at >= 0, "missing " + e + " (in order) in:\n  " + String.join("\n  ", frames));
            from += at + 1;
        }
    }
}
