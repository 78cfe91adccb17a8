package dev.weft;

import dev.weft.internal.scheduler.CurrentThreadScheduler;
import dev.weft.internal.scheduler.Scheduler;
import dev.weft.internal.scheduler.WorkStealingScheduler;
import dev.weft.internal.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * An executor plus its reactor (timers and sockets): what runs tasks. Not
 * {@code java.lang.Runtime}.
 *
 * <pre>{@code
 * try (AsyncRuntime rt = AsyncRuntime.create()) {
 *     String page = rt.blockOn(fetch(uri));               // from main(), or any plain thread
 *     JoinHandle<Integer> h = rt.spawn(countWords(page)); // runs on the runtime's workers
 *     System.out.println(rt.blockOn(h));
 * }
 * }</pre>
 *
 * <p>{@link #create()} and {@link #builder()} make a multi-threaded runtime (work-stealing
 * daemon worker threads; an idle worker drives the timers and sockets, or a dedicated driver
 * thread with {@code -Dweft.driver=thread}); {@link #currentThread()} runs its tasks, timers
 * and sockets only on the thread inside {@link #blockOn}. Threads of a runtime (its workers,
 * and a blockOn thread while inside blockOn) are bound to it: {@link Async#spawn} uses that
 * runtime, and blockOn refuses to run there.
 */
public final class AsyncRuntime implements AutoCloseable {

    private final Scheduler scheduler;

    private final RuntimeMetrics metrics;

    static {
        // test tools (weft-junit) reach the live tasks through internal code, not through this API
        dev.weft.internal.scheduler.LiveTasks.bind(runtime -> runtime.scheduler);
    }

    private AsyncRuntime(Scheduler scheduler) {
        this.scheduler = scheduler;
        this.metrics = new RuntimeMetrics((dev.weft.internal.metrics.SchedulerStats) scheduler);
        metrics.registerIfWanted();
    }

    /**
     * Multi-threaded, one worker per core.
     *
     * @return a new runtime; close it when done
     */
    public static AsyncRuntime create() {
        return builder().build();
    }

    /**
     * Single-threaded: tasks run on the thread inside {@link #blockOn}.
     *
     * @return a new runtime; close it when done
     */
    public static AsyncRuntime currentThread() {
        return new AsyncRuntime(new CurrentThreadScheduler(Clock.SYSTEM));
    }

    /**
     * Configures a multi-threaded runtime:
     * {@code AsyncRuntime.builder().workers(4).threadNamePrefix("app-").build()}.
     *
     * @return a new builder with the defaults of {@link #create()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Drives {@code future} to completion on the calling thread and returns its value, or
     * rethrows its exception (the original object, checked exceptions included). Tasks spawned
     * inside it run on this runtime.
     *
     * @param future the future to drive
     * @param <T> the type of its value
     * @return the future's value
     * @throws IllegalStateException when called from one of this or another weft runtime's
     *     threads (it would block the thread that must drive the future), or after close()
     * @throws java.util.concurrent.CancellationException when the runtime is closed meanwhile,
     *     or the calling thread is interrupted (the future is cancelled; the interrupt stays set)
     */
    public <T> T blockOn(Future<T> future) {
        return scheduler.blockOn(future);
    }

    /**
     * As {@link #blockOn(Future)}, for a CompletionStage: waits for it without blocking a worker
     * (the stage completes on whatever thread completes it) and returns its value, or rethrows
     * its failure as the original object (not wrapped in CompletionException).
     *
     * <pre>{@code
     * HttpResponse<String> r = rt.blockOn(client.sendAsync(request, BodyHandlers.ofString()));
     * }</pre>
     *
     * @param stage the stage to wait for
     * @param <T> the type of its value
     * @return the stage's value
     * @throws IllegalStateException as {@link #blockOn(Future)}
     */
    public <T> T blockOn(CompletionStage<T> stage) {
        return scheduler.blockOn(Future.of(stage));
    }

    /**
     * Spawns {@code future} as a task; after close() the handle is already cancelled.
     *
     * @param future the future to run as a task
     * @param <T> the type of its value
     * @return the task's handle
     */
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
        metrics.unregister();
    }

    /**
     * A live view of this runtime's counters and gauges (tasks, polls, steals, parks, queue
     * depths, timers, sockets, blocking pool); also a JMX MBean with {@code -Dweft.jmx=true}.
     *
     * @return the same view on every call
     */
    public RuntimeMetrics metrics() {
        return metrics;
    }

    /** Internal (tests): the threads this runtime started. */
    List<Thread> threads() {
        return scheduler.threads();
    }

    /** Configures a multi-threaded runtime. */
    public static final class Builder {
        private static final Duration DEFAULT_SLOW_POLL = Duration.ofMillis(100);

        private int workers = Runtime.getRuntime().availableProcessors();
        private String threadNamePrefix = "weft-worker-";

        /** Idle workers drive the reactor (true) or its own thread (false); null: -Dweft.driver. */
        private Boolean workersDrive;

        /** The watchdog's threshold; null: -Dweft.slowPollMillis, else the default. 0: off. */
        private Duration slowPollThreshold;

        Builder() {}

        /**
         * Number of worker threads (default: available processors).
         *
         * @param n at least 1
         * @return this builder
         */
        public Builder workers(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("workers must be >= 1: " + n);
            }
            this.workers = n;
            return this;
        }

        /**
         * Worker names are prefix + index; with -Dweft.driver=thread the reactor's own thread
         * (timers, sockets) is prefix + "driver".
         *
         * @param prefix the start of every thread name (default "weft-worker-")
         * @return this builder
         */
        public Builder threadNamePrefix(String prefix) {
            this.threadNamePrefix = java.util.Objects.requireNonNull(prefix);
            return this;
        }

        /**
         * Internal (tests run each driving mode side by side): idle workers drive the reactor
         * ({@code true}) or its own thread does ({@code false}), whatever {@code -Dweft.driver}
         * says. Package-private: the mode is not public API until a user needs to choose it.
         */
        Builder workersDrive(boolean drive) {
            this.workersDrive = drive;
            return this;
        }

        /**
         * A watchdog thread reports any task poll that runs longer than {@code threshold}: a
         * blocking call inside a task (JDBC, {@code Thread.sleep}, {@code CompletableFuture.join})
         * that stalls a worker and every task queued behind it. It logs a warning through
         * {@code System.Logger} "dev.weft.watchdog", with the task's spawn site and the worker's
         * stack sampled during the stall, once per spawn site and once per blocking frame, and
         * emits the JFR event {@code dev.weft.SlowPoll}. The workers pay no clock read for it.
         * Default: {@code -Dweft.slowPollMillis} when set, else 100 ms.
         *
         * @param threshold longer than zero; {@link Duration#ZERO} turns the watchdog off
         * @return this builder
         */
        public Builder slowPollThreshold(Duration threshold) {
            if (threshold.isNegative()) {
                throw new IllegalArgumentException("slowPollThreshold must not be negative: " + threshold);
            }
            this.slowPollThreshold = threshold;
            return this;
        }

        /** The threshold in nanoseconds, 0 when off: the builder's, else -Dweft.slowPollMillis, else 100 ms. */
        private long slowPollNanos() {
            if (slowPollThreshold != null) {
                return slowPollThreshold.toNanos();
            }
            String p = System.getProperty("weft.slowPollMillis");
            if (p == null || p.isBlank()) {
                return DEFAULT_SLOW_POLL.toNanos();
            }
            try {
                long ms = Long.parseLong(p.trim());
                if (ms < 0) {
                    throw new NumberFormatException("negative");
                }
                return Duration.ofMillis(ms).toNanos();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-Dweft.slowPollMillis=" + p
                        + ": expected a number of milliseconds (0 turns the watchdog off)");
            }
        }

        /**
         * Starts the runtime's threads.
         *
         * @return a new runtime; close it when done
         */
        public AsyncRuntime build() {
            long slowPoll = slowPollNanos();
            WorkStealingScheduler s = workersDrive == null
                    ? new WorkStealingScheduler(workers, threadNamePrefix)
                    : new WorkStealingScheduler(workers, threadNamePrefix, workersDrive);
            if (slowPoll > 0) {
                s.watchSlowPolls(slowPoll, threadNamePrefix + "watchdog");
            }
            return new AsyncRuntime(s);
        }
    }
}
