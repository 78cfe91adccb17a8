package dev.weft;

import dev.weft.internal.context.RuntimeHandle;
import dev.weft.internal.coroutine.NotWoven;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;

/**
 * The entry points of async code: {@code await} (a suspension point, rewritten by the weaver),
 * spawning, and the runtime's basic leaf futures.
 */
public final class Async {

    private Async() {}

    /**
     * Suspends the enclosing async method until {@code future} is ready and returns its value,
     * or throws its exception (the original object). Ready futures are not suspended on.
     *
     * <p>Only meaningful inside a method woven by weft (run with
     * {@code -javaagent:weft-agent.jar}, or weave at build time). Unwoven, it throws
     * IllegalStateException: weft never falls back to blocking.
     */
    public static <T> T await(Future<T> future) {
        throw NotWoven.await();
    }

    /** As {@link #await(Future)}, for a CompletionStage (see {@link Future#of}). */
    public static <T> T await(CompletionStage<T> stage) {
        throw NotWoven.await();
    }

    /**
     * Spawns {@code future} as a task on the runtime of the current thread.
     *
     * @throws IllegalStateException when the current thread belongs to no runtime
     */
    public static <T> JoinHandle<T> spawn(Future<T> future) {
        return RuntimeHandle.require("Async.spawn").spawn(future);
    }

    /** A leaf future that becomes ready once {@code duration} has elapsed. */
    public static Future<Void> sleep(Duration duration) {
        return dev.weft.internal.time.Sleep.of(duration);
    }

    /** Pending once, waking itself at once: lets other tasks run before this one goes on. */
    public static Future<Void> yieldNow() {
        return new dev.weft.internal.future.YieldNow();
    }

    /**
     * {@code future}, unless {@code limit} elapses first: then the inner future is cancelled and
     * this one fails with {@link java.util.concurrent.TimeoutException}.
     */
    public static <T> Future<T> timeout(Duration limit, Future<T> future) {
        return new dev.weft.internal.time.Timeout<>(limit, future);
    }

    /**
     * Runs blocking {@code work} (JDBC, files, DNS) on weft's blocking pool, never on a worker;
     * the returned future completes with its result or exception.
     */
    public static <T> Future<T> spawnBlocking(Callable<T> work) {
        return dev.weft.internal.blocking.BlockingPool.submit(work);
    }
}
