package dev.weft.it;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Future;
import dev.weft.Futures;
import dev.weft.JoinHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 point 6, the README's "lazy versus eager": calling two lazy methods and then awaiting
 * them one by one runs them one after the other (b starts only after a ended); Futures.all and
 * spawn run them at the same time (b starts before a ends); eager (CompletableFuture) methods
 * start when called, so awaiting them one by one still overlaps them. Shown by the order of
 * events on a single-threaded runtime, not by elapsed time.
 */
class SequentialVersusConcurrentTest {

    /** Starts, waits for a timer (standing in for I/O), ends. */
    static Future<String> step(String name, List<String> log) {
        log.add("start " + name);
        await(Async.sleep(Duration.ofMillis(1)));
        log.add("end " + name);
        return Future.ready(name);
    }

    static CompletableFuture<String> eagerStep(String name, List<String> log) {
        log.add("start " + name);
        await(Async.sleep(Duration.ofMillis(1)));
        log.add("end " + name);
        return CompletableFuture.completedFuture(name);
    }

    static Future<String> oneByOne(List<String> log) {
        Future<String> a = step("a", log); // nothing runs yet: a lazy future starts when awaited
        Future<String> b = step("b", log);
        String ra = await(a);
        String rb = await(b);
        return Future.ready(ra + rb);
    }

    static Future<String> withAll(List<String> log) {
        List<String> both = await(Futures.all(step("a", log), step("b", log)));
        return Future.ready(both.get(0) + both.get(1));
    }

    static Future<String> withSpawn(List<String> log) {
        JoinHandle<String> a = Async.spawn(step("a", log)); // a task of its own, running from now
        JoinHandle<String> b = Async.spawn(step("b", log));
        String ra = await(a);
        String rb = await(b);
        return Future.ready(ra + rb);
    }

    static Future<String> eagerOneByOne(List<String> log) {
        CompletableFuture<String> a = eagerStep("a", log); // runs up to its first pending await now
        CompletableFuture<String> b = eagerStep("b", log);
        String ra = await(a);
        String rb = await(b);
        return Future.ready(ra + rb);
    }

    private interface Body {
        Future<String> run(List<String> log);
    }

    private static List<String> events(Body body) {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        // one thread: which task runs when is decided by the scheduler alone, so the order is fixed
        try (AsyncRuntime rt = AsyncRuntime.currentThread()) {
            assertEquals("ab", rt.blockOn(body.run(log)));
        }
        assertEquals(4, log.size(), log.toString());
        assertTrue(log.indexOf("start a") < log.indexOf("end a"), log.toString());
        assertTrue(log.indexOf("start b") < log.indexOf("end b"), log.toString());
        return log;
    }

    @Test
    void awaitingTwoLazyCallsOneByOneRunsThemOneAfterTheOther() {
        assertEquals(
                List.of("start a", "end a", "start b", "end b"),
                events(SequentialVersusConcurrentTest::oneByOne));
    }

    @Test
    void futuresAllRunsThemAtTheSameTime() {
        List<String> log = events(SequentialVersusConcurrentTest::withAll);
        assertEquals(List.of("start a", "start b"), log.subList(0, 2), log.toString());
    }

    @Test
    void spawnRunsThemAtTheSameTime() {
        List<String> log = events(SequentialVersusConcurrentTest::withSpawn);
        assertEquals(List.of("start a", "start b"), log.subList(0, 2), log.toString());
    }

    @Test
    void eagerMethodsStartWhenCalledSoAwaitingThemOneByOneOverlaps() {
        List<String> log = events(SequentialVersusConcurrentTest::eagerOneByOne);
        assertEquals(List.of("start a", "start b"), log.subList(0, 2), log.toString());
    }
}
