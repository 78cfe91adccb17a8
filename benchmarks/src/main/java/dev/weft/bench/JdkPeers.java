package dev.weft.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;

/**
 * The JDK peers of the scheduler benchmarks: virtual threads, a ForkJoinPool of platform
 * threads, and CompletableFuture chains on that pool. Each workload is written the way a user of
 * that tool would write it, doing the same work as the weft version.
 */
public final class JdkPeers {

    private JdkPeers() {}

    /**
     * {@code Executors.newVirtualThreadPerTaskExecutor()} through reflection: the module is
     * compiled with {@code --release 17} (the project's baseline) and run on JDK 21+.
     */
    public static ExecutorService virtualThreads() {
        try {
            return (ExecutorService)
                    Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "virtual threads need JDK 21+; run scripts/bench (JDK 25)", e);
        }
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T get(java.util.concurrent.Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- skynet ----

    public static long skynetVirtual(ExecutorService vt, long num, int size) {
        if (size == 1) {
            return num;
        }
        int sub = size / 10;
        @SuppressWarnings("unchecked") // no generic array creation; the array holds only these
        java.util.concurrent.Future<Long>[] children =
                (java.util.concurrent.Future<Long>[]) new java.util.concurrent.Future<?>[10];
        for (int i = 0; i < 10; i++) {
            long n = num + (long) i * sub;
            children[i] = vt.submit(() -> skynetVirtual(vt, n, sub));
        }
        long sum = 0;
        for (java.util.concurrent.Future<Long> c : children) {
            sum += get(c);
        }
        return sum;
    }

    static final class SkynetTask extends RecursiveTask<Long> {
        private static final long serialVersionUID = 1L;
        private final long num;
        private final int size;

        SkynetTask(long num, int size) {
            this.num = num;
            this.size = size;
        }

        @Override
        protected Long compute() {
            if (size == 1) {
                return num;
            }
            int sub = size / 10;
            SkynetTask[] children = new SkynetTask[10];
            for (int i = 0; i < 10; i++) {
                children[i] = new SkynetTask(num + (long) i * sub, sub);
                children[i].fork();
            }
            long sum = 0;
            for (SkynetTask c : children) {
                sum += c.join();
            }
            return sum;
        }
    }

    public static long skynetForkJoin(ForkJoinPool pool) {
        return pool.invoke(new SkynetTask(0, 1_000_000));
    }

    public static CompletableFuture<Long> skynetCompletable(ForkJoinPool pool, long num, int size) {
        if (size == 1) {
            return CompletableFuture.supplyAsync(() -> num, pool);
        }
        return CompletableFuture.supplyAsync(
                        () -> {
                            int sub = size / 10;
                            @SuppressWarnings(
                                    "unchecked") // no generic array creation; the array holds only
                            // these
                            CompletableFuture<Long>[] children =
                                    (CompletableFuture<Long>[]) new CompletableFuture<?>[10];
                            for (int i = 0; i < 10; i++) {
                                children[i] = skynetCompletable(pool, num + (long) i * sub, sub);
                            }
                            return children;
                        },
                        pool)
                .thenCompose(
                        children ->
                                CompletableFuture.allOf(children)
                                        .thenApply(
                                                v -> {
                                                    long sum = 0;
                                                    for (CompletableFuture<Long> c : children) {
                                                        sum += c.join();
                                                    }
                                                    return sum;
                                                }));
    }

    // ---- spawn_many ----

    public static void spawnMany(ExecutorService ex, int n) {
        CountDownLatch latch = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            ex.execute(latch::countDown);
        }
        await(latch);
    }

    /** spawn_many from inside the executor: one task spawns the n no-op tasks. */
    public static void spawnManyInside(ExecutorService ex, int n) {
        CountDownLatch latch = new CountDownLatch(n);
        ex.execute(
                () -> {
                    for (int i = 0; i < n; i++) {
                        ex.execute(latch::countDown);
                    }
                });
        await(latch);
    }

    public static void spawnManyCompletable(ForkJoinPool pool, int n) {
        CountDownLatch latch = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            CompletableFuture.runAsync(latch::countDown, pool);
        }
        await(latch);
    }

    // ---- chained_spawn ----

    static void chain(ExecutorService ex, int n, CountDownLatch done) {
        if (n == 0) {
            done.countDown();
        } else {
            ex.execute(() -> chain(ex, n - 1, done));
        }
    }

    public static void chainedSpawn(ExecutorService ex, int n) {
        CountDownLatch done = new CountDownLatch(1);
        ex.execute(() -> chain(ex, n, done));
        await(done);
    }

    static CompletableFuture<Void> chainCompletable(ForkJoinPool pool, int n) {
        return CompletableFuture.supplyAsync(() -> n, pool)
                .thenCompose(
                        k ->
                                k == 0
                                        ? CompletableFuture.completedFuture(null)
                                        : chainCompletable(pool, k - 1));
    }

    public static void chainedSpawnCompletable(ForkJoinPool pool, int n) {
        chainCompletable(pool, n).join();
    }

    // ---- yield_many ----

    /** Virtual threads: each task calls Thread.yield() (which unmounts a virtual thread). */
    public static void yieldManyVirtual(ExecutorService vt, int tasks, int yields) {
        CountDownLatch latch = new CountDownLatch(tasks);
        for (int i = 0; i < tasks; i++) {
            vt.execute(
                    () -> {
                        for (int k = 0; k < yields; k++) {
                            Thread.yield();
                        }
                        latch.countDown();
                    });
        }
        await(latch);
    }

    /** A pool has no yield: the nearest equivalent is a task that re-submits itself. */
    static void resubmit(ExecutorService ex, int left, CountDownLatch latch) {
        if (left == 0) {
            latch.countDown();
        } else {
            ex.execute(() -> resubmit(ex, left - 1, latch));
        }
    }

    public static void yieldManyForkJoin(ForkJoinPool pool, int tasks, int yields) {
        CountDownLatch latch = new CountDownLatch(tasks);
        for (int i = 0; i < tasks; i++) {
            pool.execute(() -> resubmit(pool, yields, latch));
        }
        await(latch);
    }

    /** CompletableFuture: each "yield" is one more async stage on the pool. */
    public static void yieldManyCompletable(ForkJoinPool pool, int tasks, int yields) {
        @SuppressWarnings("unchecked") // no generic array creation; the array holds only these
        CompletableFuture<Void>[] all = (CompletableFuture<Void>[]) new CompletableFuture<?>[tasks];
        for (int i = 0; i < tasks; i++) {
            CompletableFuture<Void> f = CompletableFuture.runAsync(() -> {}, pool);
            for (int k = 0; k < yields; k++) {
                f = f.thenRunAsync(() -> {}, pool);
            }
            all[i] = f;
        }
        CompletableFuture.allOf(all).join();
    }
}
