package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.internal.context.RuntimeHandle;
import dev.weft.internal.time.TimerDriver;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The executor contract, written once and run against every scheduler (one subclass each).
 * Tasks are driven through {@code blockOn}, which is what makes current-thread tasks run.
 */
abstract class ExecutorContract {

    AsyncRuntime rt;

    abstract AsyncRuntime newRuntime();

    @BeforeEach
    void start() {
        rt = newRuntime();
    }

    @AfterEach
    void stop() {
        rt.close();
    }

    @Test
    void valueThroughJoinHandleAndBlockOn() {
        JoinHandle<String> h = rt.spawn(Future.ready("v"));
        assertEquals("v", rt.blockOn(h));
        assertTrue(h.isDone());
        assertEquals("w", rt.blockOn(Future.ready("w")));
    }

    @Test
    void failuresAreTheOriginalObject() throws Exception {
        IllegalArgumentException unchecked = new IllegalArgumentException("boom");
        IOException checked = new IOException("io");
        JoinHandle<Object> h1 = rt.spawn(Future.failed(unchecked));
        JoinHandle<Object> h2 = rt.spawn(TestFutures.failing(Duration.ofMillis(1), checked));
        assertSame(unchecked, assertThrows(IllegalArgumentException.class, () -> rt.blockOn(h1)));
        assertSame(checked, assertThrows(IOException.class, () -> rt.blockOn(h2)));
        assertSame(
                checked, assertThrows(IOException.class, () -> rt.blockOn(Future.failed(checked))));
        ExecutionException ee =
                assertThrows(ExecutionException.class, () -> h2.toCompletableFuture().get());
        assertSame(checked, ee.getCause());
    }

    @Test
    void thousandWakesDuringOnePollCauseOneRepoll() {
        AtomicInteger polls = new AtomicInteger();
        JoinHandle<Integer> h =
                rt.spawn(
                        cx -> {
                            if (polls.incrementAndGet() == 1) {
                                for (int i = 0; i < 1000; i++) {
                                    cx.waker().wake();
                                }
                                return Poll.pending();
                            }
                            return Poll.ready(polls.get());
                        });
        assertEquals(2, rt.blockOn(h));
        assertEquals(2, polls.get());
    }

    @Test
    void wakesFromForeignThreads() throws Exception {
        ManualFuture<String> leaf = new ManualFuture<>();
        JoinHandle<String> h = rt.spawn(leaf);
        Thread completer =
                new Thread(
                        () -> {
                            while (leaf.polls.get() == 0) {
                                Thread.onSpinWait();
                            }
                            leaf.complete("from afar");
                        });
        completer.start();
        assertEquals("from afar", rt.blockOn(h));
        completer.join();
        assertEquals(0, leaf.concurrentPolls.get());
    }

    @Test
    void cancellingAnIdleTask() {
        ManualFuture<String> leaf = new ManualFuture<>();
        JoinHandle<String> h = rt.spawn(leaf);
        rt.blockOn(TestFutures.until(() -> leaf.polls.get() > 0));
        assertFalse(h.isDone());
        h.cancel();
        assertThrows(CancellationException.class, () -> rt.blockOn(h));
        assertTrue(h.isDone());
        assertEquals(1, leaf.cancels.get());
        assertEquals(1, leaf.polls.get());
        assertTrue(h.toCompletableFuture().isCancelled());
        h.cancel(); // idempotent, no effect once done
        assertEquals(1, leaf.cancels.get());
    }

    @Test
    void cancellingARunningTask() throws Exception {
        CountDownLatch inPoll = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        AtomicInteger polls = new AtomicInteger();
        AtomicInteger cancels = new AtomicInteger();
        Future<String> blockingPoll =
                new Future<>() {
                    @Override
                    public Poll<String> poll(Context cx) {
                        polls.incrementAndGet();
                        inPoll.countDown();
                        try {
                            assertTrue(cancelled.await(10, TimeUnit.SECONDS));
                        } catch (InterruptedException e) {
                            throw new AssertionError(e);
                        }
                        assertTrue(
                                cx.isCancelled(),
                                "the task's context reports the cancel during the poll");
                        return Poll.pending();
                    }

                    @Override
                    public void cancel() {
                        cancels.incrementAndGet();
                    }
                };
        JoinHandle<String> h = rt.spawn(blockingPoll);
        Thread canceller =
                new Thread(
                        () -> {
                            try {
                                inPoll.await();
                            } catch (InterruptedException e) {
                                return;
                            }
                            h.cancel();
                            cancelled.countDown();
                        });
        canceller.start();
        assertThrows(CancellationException.class, () -> rt.blockOn(h));
        canceller.join();
        assertEquals(1, polls.get());
        assertEquals(1, cancels.get());
    }

    @Test
    void cancellingTheAwaiterAbortsTheAwaitedTask() {
        ManualFuture<String> leaf = new ManualFuture<>();
        JoinHandle<String> inner = rt.spawn(leaf);
        TestFutures.Awaiting<String> awaiter = new TestFutures.Awaiting<>(inner);
        JoinHandle<String> outer = rt.spawn(awaiter);
        rt.blockOn(TestFutures.until(() -> leaf.polls.get() > 0 && awaiter.suspended));
        outer.cancel();
        assertThrows(CancellationException.class, () -> rt.blockOn(outer));
        assertThrows(CancellationException.class, () -> rt.blockOn(inner));
        assertTrue(awaiter.cleanedUp, "the awaiter's cleanup ran");
        assertEquals(1, leaf.cancels.get(), "the awaited task's leaf was cancelled");
    }

    @Test
    void asyncSpawnWorksInsideTasksAndBlockOn() {
        Future<Integer> spawner =
                new Future<>() {
                    JoinHandle<Integer> child;

                    @Override
                    public Poll<Integer> poll(Context cx) {
                        if (child == null) {
                            child = Async.spawn(Future.ready(41));
                        }
                        Poll<Integer> p = child.poll(cx);
                        return p.isReady() ? Poll.ready(p.value() + 1) : p;
                    }
                };
        assertEquals(42, rt.blockOn(spawner));
        assertEquals(
                42, rt.blockOn(rt.spawn(new TestFutures.Awaiting<>(rt.spawn(Future.ready(42))))));
    }

    @Test
    void blockOnFromARuntimeThreadIsRefused() {
        Future<String> nested =
                cx -> {
                    try {
                        rt.blockOn(Future.done());
                        return Poll.ready("no exception");
                    } catch (IllegalStateException e) {
                        return Poll.ready(e.getMessage());
                    }
                };
        assertTrue(rt.blockOn(nested).contains("runtime thread"));
        assertTrue(rt.blockOn(rt.spawn(nested)).contains("runtime thread"));
    }

    @Test
    void sleepNeverFiresEarly() {
        long t0 = System.nanoTime();
        rt.blockOn(Async.sleep(Duration.ofMillis(30)));
        assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(30));
        JoinHandle<Void> h = rt.spawn(Async.sleep(Duration.ofMillis(5)));
        rt.blockOn(h);
        assertTrue(h.isDone());
    }

    @Test
    void timeoutFailsAndCancelsTheInnerFuture() {
        ManualFuture<String> inner = new ManualFuture<>();
        assertThrows(
                TimeoutException.class,
                () -> rt.blockOn(Async.timeout(Duration.ofMillis(20), inner)));
        assertEquals(1, inner.cancels.get());
    }

    @Test
    void timeoutAndRaceRunTheCleanupOfSuspendedCoroutines() {
        ManualFuture<String> leaf = new ManualFuture<>();
        TestFutures.Awaiting<String> body = new TestFutures.Awaiting<>(leaf);
        assertThrows(
                TimeoutException.class,
                () -> rt.blockOn(Async.timeout(Duration.ofMillis(10), body)));
        assertTrue(body.cleanedUp);
        assertEquals(1, leaf.cancels.get());

        ManualFuture<String> leaf2 = new ManualFuture<>();
        TestFutures.Awaiting<String> loser = new TestFutures.Awaiting<>(leaf2);
        assertEquals(
                "w",
                rt.blockOn(Futures.race(loser, TestFutures.delayed(Duration.ofMillis(5), "w"))));
        assertTrue(loser.cleanedUp);
        assertEquals(1, leaf2.cancels.get());
    }

    @Test
    void timeoutDisarmsItsTimerWhenTheInnerFutureWins() throws Exception {
        AtomicReference<TimerDriver> driver = new AtomicReference<>();
        Future<String> inner = TestFutures.delayed(Duration.ofMillis(5), "inner");
        Future<String> recording =
                cx -> {
                    driver.set(RuntimeHandle.timersOf(cx));
                    return inner.poll(cx);
                };
        assertEquals("inner", rt.blockOn(Async.timeout(Duration.ofSeconds(30), recording)));
        assertEquals(0, driver.get().armed());
    }

    @Test
    void allGivesValuesInOrder() {
        List<Future<String>> fs =
                List.of(
                        TestFutures.delayed(Duration.ofMillis(30), "a"),
                        TestFutures.delayed(Duration.ofMillis(10), "b"),
                        Future.ready("c"));
        assertEquals(List.of("a", "b", "c"), rt.blockOn(Futures.all(fs)));
        assertEquals(List.of(), rt.blockOn(Futures.<String>all(List.of())));
    }

    @Test
    void allRethrowsTheFirstFailureAndCancelsTheRest() {
        IOException boom = new IOException("boom");
        ManualFuture<String> slow1 = new ManualFuture<>();
        ManualFuture<String> slow2 = new ManualFuture<>();
        List<Future<String>> fs =
                List.of(slow1, TestFutures.failing(Duration.ofMillis(5), boom), slow2);
        assertSame(boom, assertThrows(IOException.class, () -> rt.blockOn(Futures.all(fs))));
        assertEquals(1, slow1.cancels.get());
        assertEquals(1, slow2.cancels.get());
    }

    @Test
    void raceTakesTheFirstAndCancelsTheLosers() {
        ManualFuture<String> loser = new ManualFuture<>();
        ManualFuture<String> loser2 = new ManualFuture<>();
        assertEquals(
                "x",
                rt.blockOn(
                        Futures.race(
                                loser, TestFutures.delayed(Duration.ofMillis(5), "x"), loser2)));
        assertEquals(1, loser.cancels.get());
        assertEquals(1, loser2.cancels.get());

        IllegalStateException err = new IllegalStateException("first");
        ManualFuture<String> loser3 = new ManualFuture<>();
        assertSame(
                err,
                assertThrows(
                        IllegalStateException.class,
                        () -> rt.blockOn(Futures.race(loser3, Future.failed(err)))));
        assertEquals(1, loser3.cancels.get());
    }

    @Test
    void futureOfWakesFromTheCompletingThread() {
        CompletableFuture<String> cf = new CompletableFuture<>();
        new Thread(
                        () -> {
                            try {
                                Thread.sleep(5);
                            } catch (InterruptedException ignored) {
                                // completing anyway
                            }
                            cf.complete("done");
                        })
                .start();
        assertEquals("done", rt.blockOn(rt.spawn(Future.of(cf))));
        IOException e = new IOException();
        assertSame(
                e,
                assertThrows(
                        IOException.class,
                        () -> rt.blockOn(Future.of(CompletableFuture.failedFuture(e)))));
    }

    @Test
    void spawnBlockingRunsOffTheRuntime() {
        assertEquals(
                "blocking",
                rt.blockOn(
                        Async.spawnBlocking(
                                () -> {
                                    assertTrue(
                                            Thread.currentThread()
                                                    .getName()
                                                    .startsWith("weft-blocking-"));
                                    return "blocking";
                                })));
        IOException e = new IOException("disk");
        assertSame(
                e,
                assertThrows(
                        IOException.class,
                        () ->
                                rt.blockOn(
                                        Async.spawnBlocking(
                                                () -> {
                                                    throw e;
                                                }))));
    }

    @Test
    void yieldNowLetsOtherTasksRun() {
        // A task that yields until another task has run. If yieldNow re-ran the yielder ahead of
        // the queue (or never gave up its thread) this would spin forever on a single thread.
        // Completion of the other task is awaited through its handle, never inferred from a side
        // effect of its body: on a pool the body's effect is visible before the task is COMPLETE.
        AtomicBoolean otherRan = new AtomicBoolean();
        JoinHandle<Integer> yielder = rt.spawn(TestFutures.yieldingUntil(otherRan::get));
        JoinHandle<Void> other =
                rt.spawn(
                        cx -> {
                            otherRan.set(true);
                            return Poll.ready(null);
                        });
        assertEquals(null, rt.blockOn(other));
        assertTrue(rt.blockOn(yielder) >= 0);
        assertTrue(yielder.isDone() && other.isDone());
    }

    @Test
    void closeCancelsAThousandPendingTasksAndStopsItsThreads() throws InterruptedException {
        List<ManualFuture<String>> leaves = new ArrayList<>();
        List<JoinHandle<?>> handles = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ManualFuture<String> leaf = new ManualFuture<>();
            leaves.add(leaf);
            if (i % 2 == 0) {
                handles.add(rt.spawn(leaf));
            } else {
                handles.add(
                        rt.spawn(
                                Futures.<Object>all(
                                        List.of(leaf, Async.sleep(Duration.ofHours(1))))));
            }
        }
        AtomicReference<TimerDriver> driver = new AtomicReference<>();
        rt.blockOn(
                cx -> {
                    driver.set(RuntimeHandle.timersOf(cx));
                    return Poll.ready(null);
                });
        // A task inside all() polls its leaf before its sleep, so "every leaf polled" can be seen
        // while the last sleep is still being armed on another worker: wait for both.
        rt.blockOn(
                TestFutures.until(
                        () ->
                                leaves.stream().allMatch(l -> l.polls.get() > 0)
                                        && driver.get().armed() == 500));
        assertEquals(500, driver.get().armed());
        rt.close();
        // close() joins its threads with a bound (a worker may be stuck in a user's poll); on a
        // loaded machine a worker draining the cancellations can outlast it. The threads ending
        // is the contract; the join here is a hang guard, and everything below must hold once
        // they have ended.
        RuntimeThreads.join(rt);
        for (JoinHandle<?> h : handles) {
            assertTrue(h.isDone());
            assertTrue(h.toCompletableFuture().isCancelled());
        }
        assertTrue(leaves.stream().allMatch(l -> l.cancels.get() == 1));
        assertEquals(0, driver.get().armed());
        for (Thread t : rt.threads()) {
            assertFalse(t.isAlive(), t.getName() + " still alive");
        }
        JoinHandle<String> late = rt.spawn(Future.ready("late"));
        assertTrue(late.isDone());
        assertThrows(CancellationException.class, () -> late.toCompletableFuture().join());
        assertThrows(IllegalStateException.class, () -> rt.blockOn(Future.done()));
    }
}
