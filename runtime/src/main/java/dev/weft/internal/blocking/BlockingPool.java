package dev.weft.internal.blocking;

import dev.weft.Future;
import dev.weft.internal.context.RuntimeHandle;
import dev.weft.internal.future.StageFuture;
import dev.weft.internal.time.VirtualClock;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The pool behind {@code Async.spawnBlocking}: at most {@link #MAX_THREADS} threads, started on
 * demand, each retiring after {@link #KEEP_ALIVE_NANOS} idle; when all are busy, work queues.
 * One pool per JVM, daemon threads (Tokio's blocking spawner, shared instead of per runtime).
 *
 * <p>Why not a JDK ThreadPoolExecutor: with a SynchronousQueue it grows on demand but rejects
 * work once at its bound; with a LinkedBlockingQueue and core = max it queues at the bound, but
 * starts a new thread for every submit below the bound even while others sit idle. The policy
 * wanted here (reuse an idle thread, else grow, else queue) is these few lines.
 *
 * <p>Invariant (under {@link #lock}): {@code idle} counts threads waiting on {@link #work}; a
 * submit signals one of them if {@code idle > queue size before the submit}, else starts a
 * thread when below the bound.
 */
public final class BlockingPool {

    static final int MAX_THREADS = 512;
    static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private static final BlockingPool SHARED = new BlockingPool("weft-blocking-");

    private final String namePrefix;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private int threads;
    private int idle;
    private int started;

    BlockingPool(String namePrefix) {
        this.namePrefix = namePrefix;
    }

    /**
     * Starts {@code work} now on the pool; the future completes with its result or its
     * exception (the original object). Cancelling the future before the work starts skips it;
     * running work is not interrupted.
     */
    public static <T> Future<T> submit(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        VirtualClock held = virtualClockOfCaller();
        SHARED.execute(
                () -> {
                    try {
                        if (result.isDone()) {
                            return;
                        }
                        try {
                            result.complete(work.call());
                        } catch (Throwable t) {
                            result.completeExceptionally(t);
                        }
                    } finally {
                        if (held != null) {
                            held.exit(); // after the completion woke the awaiter: the clock
                            // never sees a gap
                        }
                    }
                });
        return new StageFuture<>(result);
    }

    /** The pool behind {@code Async.spawnBlocking}, shared by every runtime (metrics read it). */
    public static BlockingPool shared() {
        return SHARED;
    }

    /** Threads alive now, busy or idle. */
    public int threads() {
        lock.lock();
        try {
            return threads;
        } finally {
            lock.unlock();
        }
    }

    /** Threads waiting for work now. */
    public int idleThreads() {
        lock.lock();
        try {
            return idle;
        } finally {
            lock.unlock();
        }
    }

    /** Work submitted and not yet started. */
    public int queueDepth() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The virtual clock of the runtime submitting (its worker or blockOn thread), held until the
     * work ends: blocking work takes real time, so the clock stays still meanwhile (Tokio's
     * spawn_blocking inhibits auto-advance the same way). Null on real time, or outside a runtime.
     */
    private static VirtualClock virtualClockOfCaller() {
        RuntimeHandle h = RuntimeHandle.current();
        VirtualClock v = h != null ? h.timers().virtualClock() : null;
        if (v != null) {
            v.enter();
        }
        return v;
    }

    void execute(Runnable r) {
        Thread spawn = null;
        lock.lock();
        try {
            queue.add(r);
            if (idle >= queue.size()) {
                work.signal();
            } else if (threads < MAX_THREADS) {
                threads++;
                spawn = new Thread(this::loop, namePrefix + (started++));
                spawn.setDaemon(true);
            }
        } finally {
            lock.unlock();
        }
        if (spawn != null) {
            spawn.start();
        }
    }

    private void loop() {
        for (; ; ) {
            Runnable r;
            lock.lock();
            try {
                long wait = KEEP_ALIVE_NANOS;
                while ((r = queue.poll()) == null) {
                    if (wait <= 0) {
                        threads--;
                        return;
                    }
                    idle++;
                    try {
                        wait = work.awaitNanos(wait);
                    } catch (InterruptedException e) {
                        // pool threads are not interruptible from outside; keep serving.
                    } finally {
                        idle--;
                    }
                }
            } finally {
                lock.unlock();
            }
            try {
                r.run();
            } catch (Throwable e) {
                Thread me = Thread.currentThread();
                me.getUncaughtExceptionHandler().uncaughtException(me, e);
            }
        }
    }
}
