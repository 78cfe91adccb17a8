package dev.weft.internal.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Async;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.Poll;
import dev.weft.Waker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Stress tests of the work-stealing scheduler. Every test runs its tasks through
 * {@link Instrumented} (no two threads in one poll, no poll after completion), and after
 * close() asserts that nothing is left queued or live. Sizes scale with the system property
 * {@code weft.stress.scale} (1 in CI; {@code scripts/stress} runs with a larger one), and the
 * whole class runs a second time under ParallelGC (a surefire execution in runtime/pom.xml).
 * No timing thresholds: a lost wake-up shows up as a task that never completes, which the
 * bounded waits turn into a failure.
 */
@Tag("stress")
class WorkStealingStressTest {

    static final int SCALE = Integer.getInteger("weft.stress.scale", 1);

    /** A hang guard for every wait (not a performance bound). */
    static final Duration GUARD = Duration.ofSeconds(Integer.getInteger("weft.stress.guard", 50));

    WorkStealingScheduler rt;

    @BeforeEach
    void start() {
        Instrumented.VIOLATIONS.set(0);
        rt = new WorkStealingScheduler(workers(), "weft-stress-");
    }

    /** One worker per core, at least two; {@link OversubscribedStressTest} runs 64. */
    int workers() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    @AfterEach
    void stop() throws InterruptedException {
        rt.shutdown();
        for (Thread t : rt.threads()) {
            t.join(GUARD.toMillis());
            assertFalse(t.isAlive(), t.getName() + " survived close()");
        }
        assertEquals(0, rt.queuedTasks(), "tasks left queued after close()");
        assertEquals(0, rt.liveTasks(), "tasks left live after close()");
        assertEquals(
                0,
                Instrumented.VIOLATIONS.get(),
                "concurrent poll, or poll/cancel after completion");
    }

    <T> T await(Future<T> f) {
        try {
            return rt.blockOn(Async.timeout(GUARD, f));
        } catch (Exception e) {
            throw new AssertionError("stuck: " + rt + " / " + f, e);
        }
    }

    /** Completes once {@code target} increments were observed; wakers come from foreign threads. */
    static final class Counter implements Future<Integer> {
        final AtomicInteger produced = new AtomicInteger();
        final int target;
        volatile Waker waker;
        int polls;

        Counter(int target) {
            this.target = target;
        }

        @Override
        public Poll<Integer> poll(Context cx) {
            waker = cx.waker();
            polls++;
            return produced.get() >= target ? Poll.ready(polls) : Poll.pending();
        }
    }

    @Test
    void wakeStormsFromManyForeignThreads() throws Exception {
        int tasks = 64;
        int threads = 16;
        int wakesPerThread =
                tasks * 320 * SCALE; // a multiple of tasks: each counter gets the same share
        List<Counter> counters = new ArrayList<>();
        List<JoinHandle<Integer>> handles = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            Counter c = new Counter(threads * wakesPerThread / tasks);
            counters.add(c);
            handles.add(rt.spawn(Instrumented.of(c)));
        }
        await(until(() -> counters.stream().allMatch(c -> c.waker != null)));
        List<Thread> wakers = new ArrayList<>();
        for (int k = 0; k < threads; k++) {
            int offset = k;
            Thread t =
                    new Thread(
                            () -> {
                                for (int i = 0; i < wakesPerThread; i++) {
                                    Counter c = counters.get((offset + i) % tasks);
                                    c.produced.incrementAndGet();
                                    c.waker.wake();
                                }
                            });
            wakers.add(t);
            t.start();
        }
        for (JoinHandle<Integer> h : handles) {
            int polls = await(h);
            assertTrue(polls >= 1);
        }
        for (Thread t : wakers) {
            t.join();
        }
    }

    /** Pending forever, or busy (waking itself every poll) until cancelled. */
    static Future<Integer> victim(boolean busy, AtomicInteger cancels) {
        return new Future<>() {
            @Override
            public Poll<Integer> poll(Context cx) {
                if (busy) {
                    cx.waker().wake();
                }
                return Poll.pending();
            }

            @Override
            public void cancel() {
                cancels.incrementAndGet();
            }
        };
    }

    @Test
    void cancelStormsAgainstRunningAndIdleTasks() throws Exception {
        int n = 2_000 * SCALE;
        AtomicInteger cancels = new AtomicInteger();
        List<JoinHandle<Integer>> handles = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            handles.add(rt.spawn(Instrumented.of(victim(i % 2 == 0, cancels))));
        }
        int threads = 8;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> cancellers = new ArrayList<>();
        for (int k = 0; k < threads; k++) {
            Thread t =
                    new Thread(
                            () -> {
                                try {
                                    go.await();
                                } catch (InterruptedException e) {
                                    return;
                                }
                                // every canceller cancels every task, in a different order:
                                // idempotence under races.
                                List<JoinHandle<Integer>> mine = new ArrayList<>(handles);
                                java.util.Collections.shuffle(mine);
                                for (JoinHandle<Integer> h : mine) {
                                    h.cancel();
                                }
                            });
            cancellers.add(t);
            t.start();
        }
        go.countDown();
        for (Thread t : cancellers) {
            t.join();
        }
        for (JoinHandle<Integer> h : handles) {
            try {
                h.toCompletableFuture().get(GUARD.toSeconds(), TimeUnit.SECONDS);
                throw new AssertionError("a cancelled task completed normally");
            } catch (ExecutionException e) {
                assertInstanceOf(CancellationException.class, e.getCause());
            } catch (CancellationException expected) {
                // toCompletableFuture reports the cancellation directly
            }
        }
        assertEquals(n, cancels.get(), "each future cancelled exactly once");
        await(until(() -> rt.liveTasks() == 0));
    }

    @Test
    void spawnsFromSixtyFourExternalThreads() throws Exception {
        int threads = 64;
        int perThread = 500 * SCALE;
        AtomicLong sum = new AtomicLong();
        List<List<JoinHandle<Integer>>> all = new ArrayList<>();
        List<Thread> spawners = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int k = 0; k < threads; k++) {
            List<JoinHandle<Integer>> mine = new ArrayList<>(perThread);
            all.add(mine);
            Thread t =
                    new Thread(
                            () -> {
                                try {
                                    go.await();
                                } catch (InterruptedException e) {
                                    return;
                                }
                                for (int i = 0; i < perThread; i++) {
                                    int v = i;
                                    mine.add(
                                            rt.spawn(
                                                    Instrumented.of(
                                                            cx -> {
                                                                sum.addAndGet(v);
                                                                return Poll.ready(v);
                                                            })));
                                }
                            });
            spawners.add(t);
            t.start();
        }
        go.countDown();
        for (Thread t : spawners) {
            t.join();
        }
        long expected = 0;
        for (List<JoinHandle<Integer>> mine : all) {
            for (int i = 0; i < mine.size(); i++) {
                assertEquals(i, (int) await(mine.get(i)));
                expected += i;
            }
        }
        assertEquals(expected, sum.get());
    }

    @Test
    void aMillionTasks() {
        int n = 1_000_000 * SCALE;
        AtomicInteger left = new AtomicInteger(n);
        Waiter done = new Waiter(left);
        // half spawned from a worker (local rings, stealing), half from this thread (inject queue)
        JoinHandle<Void> spawner =
                rt.spawn(
                        cx -> {
                            for (int i = 0; i < n / 2; i++) {
                                Async.spawn(Instrumented.of(done.decrement()));
                            }
                            return Poll.ready(null);
                        });
        for (int i = n / 2; i < n; i++) {
            rt.spawn(Instrumented.of(done.decrement()));
        }
        await(spawner);
        await(done);
        assertEquals(0, left.get());
    }

    /** Ready once the count reached 0; the task that brings it there wakes the waiter. */
    static final class Waiter implements Future<Void> {
        final AtomicInteger left;
        volatile Waker waker;

        Waiter(AtomicInteger left) {
            this.left = left;
        }

        Future<Void> decrement() {
            return cx -> {
                if (left.decrementAndGet() == 0) {
                    Waker w = waker;
                    if (w != null) {
                        w.wake();
                    }
                }
                return Poll.ready(null);
            };
        }

        @Override
        public Poll<Void> poll(Context cx) {
            waker = cx.waker();
            // ordering: re-check after publishing the waker (the last decrement reads it after).
            return left.get() == 0 ? Poll.ready(null) : Poll.pending();
        }
    }

    /**
     * A tree of tasks (Tokio's skynet, smaller): each node spawns children and awaits their
     * JoinHandles, which complete on whatever worker ran or stole them.
     */
    static Future<Long> tree(long num, int size) {
        if (size == 1) {
            return Future.ready(num);
        }
        return new Future<>() {
            final List<JoinHandle<Long>> children = new ArrayList<>();
            int next;
            long sum;

            @Override
            public Poll<Long> poll(Context cx) {
                if (children.isEmpty()) {
                    int sub = size / 10;
                    for (int i = 0; i < 10; i++) {
                        children.add(Async.spawn(Instrumented.of(tree(num + (long) i * sub, sub))));
                    }
                }
                while (next < children.size()) {
                    Poll<Long> p = children.get(next).poll(cx);
                    if (!p.isReady()) {
                        return Poll.pending();
                    }
                    sum += p.value();
                    next++;
                }
                return Poll.ready(sum);
            }
        };
    }

    @Test
    void joinHandlesAwaitedFromOtherWorkers() {
        int rounds = 3 * SCALE;
        for (int r = 0; r < rounds; r++) {
            long sum = await(rt.spawn(Instrumented.of(tree(0, 100_000))));
            assertEquals(99_999L * 100_000 / 2, sum);
        }
    }

    /**
     * A leaf of {@link #racyTree}: ready at once, or after a yield, or after a wake from a
     * foreign thread, so that a join in place sometimes finds it suspending; adds its value to
     * {@code delivered} when it returns it.
     */
    static Future<Long> racyLeaf(
            long num, AtomicLong delivered, java.util.Queue<Waker> foreignWakes) {
        int kind = ThreadLocalRandom.current().nextInt(3);
        return new Future<>() {
            Future<Void> yield;
            boolean parked;
            volatile boolean woken;

            @Override
            public Poll<Long> poll(Context cx) {
                if (kind == 1) {
                    if (yield == null) {
                        yield = Async.yieldNow();
                    }
                    if (!yield.poll(cx).isReady()) {
                        return Poll.pending();
                    }
                } else if (kind == 2 && !woken) {
                    if (!parked) {
                        parked = true;
                        Waker me = cx.waker();
                        foreignWakes.add(
                                () -> {
                                    woken = true;
                                    me.wake();
                                });
                    }
                    return Poll.pending();
                }
                delivered.addAndGet(num);
                return Poll.ready(num);
            }
        };
    }

    /**
     * skynet whose leaves may suspend and whose parents cancel one leaf in five before joining
     * it (the cancel meets the leaf kept back, queued, stolen or running). The sum a parent
     * returns counts only what its children returned, so the root's sum must equal what the
     * leaves delivered.
     */
    static Future<Long> racyTree(
            long num,
            int size,
            AtomicLong delivered,
            AtomicInteger cancelled,
            java.util.Queue<Waker> foreignWakes) {
        if (size == 1) {
            return racyLeaf(num, delivered, foreignWakes);
        }
        return new Future<>() {
            final List<JoinHandle<Long>> children = new ArrayList<>();
            int next;
            long sum;

            @Override
            public Poll<Long> poll(Context cx) {
                if (children.isEmpty()) {
                    int sub = size / 10;
                    for (int i = 0; i < 10; i++) {
                        children.add(
                                Async.spawn(
                                        Instrumented.of(
                                                racyTree(
                                                        num + (long) i * sub,
                                                        sub,
                                                        delivered,
                                                        cancelled,
                                                        foreignWakes))));
                    }
                    if (sub == 1 && ThreadLocalRandom.current().nextInt(5) == 0) {
                        children.get(ThreadLocalRandom.current().nextInt(10)).cancel();
                    }
                }
                while (next < children.size()) {
                    Poll<Long> p;
                    try {
                        p = children.get(next).poll(cx);
                    } catch (CancellationException e) {
                        cancelled.incrementAndGet();
                        next++;
                        continue;
                    }
                    if (!p.isReady()) {
                        return Poll.pending();
                    }
                    sum += p.value();
                    next++;
                }
                return Poll.ready(sum);
            }
        };
    }

    /**
     * Joins in place racing with steals, yields, foreign wakes and cancellation: every leaf
     * is polled by one thread at a time (Instrumented), none is lost (the root completes), and
     * nothing is counted twice or dropped (the sum).
     */
    @Test
    void joinsInPlaceRaceWithStealsWakesAndCancels() throws Exception {
        java.util.Queue<Waker> foreignWakes = new java.util.concurrent.ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread waker =
                new Thread(
                        () -> {
                            while (!stop.get()) {
                                Waker w = foreignWakes.poll();
                                if (w != null) {
                                    w.wake();
                                } else {
                                    java.util.concurrent.locks.LockSupport.parkNanos(50_000);
                                }
                            }
                        },
                        "foreign-waker");
        waker.start();
        try {
            for (int r = 0; r < 3 * SCALE; r++) {
                AtomicLong delivered = new AtomicLong();
                AtomicInteger cancelled = new AtomicInteger();
                long sum =
                        await(
                                rt.spawn(
                                        Instrumented.of(
                                                racyTree(
                                                        0,
                                                        10_000,
                                                        delivered,
                                                        cancelled,
                                                        foreignWakes))));
                assertEquals(delivered.get(), sum);
                assertTrue(cancelled.get() > 0, "some leaves were cancelled");
            }
        } finally {
            stop.set(true);
            waker.join();
        }
    }

    /**
     * The parking protocol's worst case: one wake at a time from outside, each after the
     * workers had time to go idle and park. A wake lost between "nothing to do" and "parked"
     * leaves the task unpolled; the foreign thread notices (bounded wait) and the test fails.
     */
    @Test
    void wakesThatArriveWhileWorkersParkAreNeverLost() throws Exception {
        int rounds = 3_000 * SCALE;
        AtomicLong polls = new AtomicLong();
        AtomicInteger lost = new AtomicInteger();
        class Pinged implements Future<Void> {
            volatile Waker waker;

            @Override
            public Poll<Void> poll(Context cx) {
                waker = cx.waker();
                polls.incrementAndGet();
                return Poll.pending();
            }
        }
        Pinged pinged = new Pinged();
        JoinHandle<Void> h = rt.spawn(Instrumented.of(pinged));
        while (pinged.waker == null) {
            Thread.onSpinWait();
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < rounds; i++) {
            long before = polls.get();
            pinged.waker.wake();
            long deadline =
                    System.nanoTime() + GUARD.toNanos(); // a hang guard: a lost wake never ends
            while (polls.get() == before) {
                if (System.nanoTime() > deadline) {
                    lost.incrementAndGet();
                    break;
                }
                Thread.onSpinWait();
            }
            if (random.nextInt(4) == 0) {
                Thread.sleep(
                        0, random.nextInt(100_000)); // let the workers search, give up and park
            }
        }
        assertEquals(0, lost.get(), "wakes never followed by a poll: " + rt);
        h.cancel();
    }

    static Future<Void> until(java.util.function.BooleanSupplier condition) {
        return cx -> {
            if (condition.getAsBoolean()) {
                return Poll.ready(null);
            }
            cx.waker().wake();
            return Poll.pending();
        };
    }
}
