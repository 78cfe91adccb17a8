package dev.weft;

import dev.weft.internal.scheduler.CurrentThreadScheduler;
import dev.weft.internal.scheduler.Scheduler;
import dev.weft.internal.scheduler.WorkStealingScheduler;
import dev.weft.internal.time.Clock;
import java.util.List;

/**
 * An executor plus its reactor (timers now, sockets later). Not {@code java.lang.Runtime}.
 *
 * <p>{@link #create()} and {@link #builder()} make a multi-threaded runtime (workers plus a
 * timer thread, all daemon threads); {@link #currentThread()} runs its tasks and timers only on
 * the thread inside {@link #blockOn}. Threads of a runtime (its workers, and a blockOn thread
 * while inside blockOn) are bound to it: {@link Async#spawn} uses that runtime, and blockOn
 * refuses to run there.
 */
public final class AsyncRuntime implements AutoCloseable {

    private final Scheduler scheduler;

    static {
        // test tools (weft-junit) reach the live tasks through internal code, not through this API
        dev.weft.internal.scheduler.LiveTasks.bind(runtime -> runtime.scheduler);
    }

    private AsyncRuntime(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Multi-threaded, one worker per core. */
    public static AsyncRuntime create() {
        return builder().build();
    }

    /** Single-threaded: tasks run on the thread inside {@link #blockOn}. */
    public static AsyncRuntime currentThread() {
        return new AsyncRuntime(new CurrentThreadScheduler(Clock.SYSTEM));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Drives {@code future} to completion on the calling thread and returns its value, or
     * rethrows its exception (the original object, checked exceptions included). Tasks spawned
     * inside it run on this runtime.
     *
     * @throws IllegalStateException when called from one of this or another weft runtime's
     *     threads (it would block the thread that must drive the future), or after close()
     * @throws java.util.concurrent.CancellationException when the runtime is closed meanwhile,
     *     or the calling thread is interrupted (the future is cancelled; the interrupt stays set)
     */
    public <T> T blockOn(Future<T> future) {
        return scheduler.blockOn(future);
    }

    /** Spawns {@code future} as a task; after close() the handle is already cancelled. */
    public <T> JoinHandle<T> spawn(Future<T> future) {
        return scheduler.spawn(future);
    }

    /**
     * Cancels the remaining tasks (their futures' cancel() runs, so timers are disarmed and
     * finally blocks of woven methods run), stops the runtime's threads and waits for them
     * (bounded). Idempotent.
     */
    @Override
    public void close() {
        scheduler.shutdown();
    }

    /** Internal (tests): the threads this runtime started. */
    List<Thread> threads() {
        return scheduler.threads();
    }

    /** Configures a multi-threaded runtime. */
    public static final class Builder {
        private int workers = Runtime.getRuntime().availableProcessors();
        private String threadNamePrefix = "weft-worker-";

        Builder() {}

        /** Number of worker threads (default: available processors). */
        public Builder workers(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("workers must be >= 1: " + n);
            }
            this.workers = n;
            return this;
        }

        /** Worker names are prefix + index; with -Dweft.driver=thread the reactor's own thread (timers, sockets) is prefix + "driver". */
        public Builder threadNamePrefix(String prefix) {
            this.threadNamePrefix = java.util.Objects.requireNonNull(prefix);
            return this;
        }

        public AsyncRuntime build() {
            return new AsyncRuntime(new WorkStealingScheduler(workers, threadNamePrefix));
        }
    }
}
