package dev.weft.it;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Future;
import dev.weft.JoinHandle;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Woven methods driven by the real runtime (the only tests here that need one): timers, spawn,
 * JoinHandle, cancellation of a task suspended inside woven code. Asserts order, never time.
 */
class RuntimeIntegrationTest {

    static Future<List<String>> timerChain(List<String> log) {
        await(Async.sleep(Duration.ofMillis(20)));
        log.add("20");
        await(Async.sleep(Duration.ofMillis(10)));
        log.add("10");
        await(Async.sleep(Duration.ofMillis(5)));
        log.add("I'm the last one");
        return Future.ready(log);
    }

    @Test
    void timerChainOnBothRuntimes() {
        try (AsyncRuntime rt = AsyncRuntime.currentThread()) {
            assertEquals(
                    List.of("20", "10", "I'm the last one"),
                    rt.blockOn(timerChain(new ArrayList<>())));
        }
        try (AsyncRuntime rt = AsyncRuntime.builder().workers(2).build()) {
            assertEquals(
                    List.of("20", "10", "I'm the last one"),
                    rt.blockOn(timerChain(new ArrayList<>())));
        }
    }

    static Future<Integer> child(int i) {
        await(Async.yieldNow());
        await(Async.sleep(Duration.ofMillis(i % 3)));
        return Future.ready(i * i);
    }

    static Future<Long> parent(int n) {
        List<JoinHandle<Integer>> handles = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            handles.add(Async.spawn(child(i)));
        }
        long sum = 0;
        for (JoinHandle<Integer> h : handles) {
            sum += await(h);
        }
        return Future.ready(sum);
    }

    @Test
    void spawnedWovenTasksAwaitedThroughJoinHandles() {
        try (AsyncRuntime rt = AsyncRuntime.builder().workers(2).build()) {
            long n = 200;
            assertEquals((n - 1) * n * (2 * n - 1) / 6, rt.blockOn(parent((int) n)));
        }
    }

    static final IOException FAILURE = new IOException("task failed");

    static Future<String> failingTask() throws IOException {
        await(Async.yieldNow());
        throw FAILURE;
    }

    @Test
    void blockOnRethrowsTheOriginalCheckedException() {
        try (AsyncRuntime rt = AsyncRuntime.currentThread()) {
            IOException e = assertThrows(IOException.class, () -> rt.blockOn(failingTask()));
            assertSame(FAILURE, e);
        }
    }

    static Future<String> sleeper(List<String> log, CountDownLatch started) {
        try {
            started.countDown();
            await(Async.sleep(Duration.ofDays(1)));
            log.add("woke");
            return Future.ready("never");
        } catch (CancellationException e) {
            log.add("cancelled");
            throw e;
        } finally {
            log.add("finally");
        }
    }

    @Test
    void cancellingATaskSuspendedInWovenCodeRunsItsFinally() throws Exception {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch started = new CountDownLatch(1);
        try (AsyncRuntime rt = AsyncRuntime.builder().workers(1).build()) {
            JoinHandle<String> h = rt.spawn(sleeper(log, started));
            started.await();
            h.cancel();
            assertThrows(CancellationException.class, () -> rt.blockOn(h));
            assertTrue(h.isDone());
        }
        assertEquals(List.of("cancelled", "finally"), log);
    }

    @Test
    void timeoutCancelsAWovenInnerFuture() {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        try (AsyncRuntime rt = AsyncRuntime.currentThread()) {
            Throwable t =
                    assertThrows(
                            Throwable.class,
                            () ->
                                    rt.blockOn(
                                            Async.timeout(
                                                    Duration.ofMillis(10),
                                                    sleeper(log, new CountDownLatch(1)))));
            assertEquals(java.util.concurrent.TimeoutException.class, t.getClass());
        }
        assertEquals(List.of("cancelled", "finally"), log);
    }

    static Future<Long> yielder(int id, int rounds) {
        long acc = 0;
        for (int r = 0; r < rounds; r++) {
            await(Async.yieldNow());
            acc += id;
        }
        return Future.ready(acc);
    }

    static Future<Long> fanOut(int tasks, int rounds) {
        List<JoinHandle<Long>> hs = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            hs.add(Async.spawn(yielder(i, rounds)));
        }
        long total = 0;
        for (JoinHandle<Long> h : hs) {
            total += await(h);
        }
        return Future.ready(total);
    }

    @Test
    void manyWovenTasksMigratingBetweenWorkers() {
        int tasks = 1000;
        int rounds = 20;
        try (AsyncRuntime rt = AsyncRuntime.create()) {
            assertEquals(
                    (long) rounds * tasks * (tasks - 1) / 2, rt.blockOn(fanOut(tasks, rounds)));
        }
    }
}
