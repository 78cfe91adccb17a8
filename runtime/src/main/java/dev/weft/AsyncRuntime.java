package dev.weft;

import dev.weft.internal.dump.RuntimeRegistry;
import dev.weft.internal.scheduler.CurrentThreadScheduler;
import dev.weft.internal.scheduler.Scheduler;
import dev.weft.internal.scheduler.TaskDumps;
import dev.weft.internal.scheduler.WorkStealingScheduler;
import dev.weft.internal.time.Clock;
import dev.weft.internal.time.VirtualClock;
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

    /** Its number in the registry of live runtimes (dumps from outside, JMX); names it {@code runtime-<n>}. */
    private final int number;

    /** How the dump names it: {@code runtime-<n> (<shape>)}. */
    private final String name;

    private final RuntimeMetrics metrics;

    static {
        // test tools (weft-junit) reach the live tasks through internal code, not through this API
        dev.weft.internal.scheduler.LiveTasks.bind(runtime -> runtime.scheduler);
    }

    private AsyncRuntime(Scheduler scheduler, String shape) {
        this.scheduler = scheduler;
        // before the registry: it may register the metrics MBean at once
        this.metrics =
                new RuntimeMetrics((dev.weft.internal.metrics.SchedulerStats) scheduler, this);
        this.number = RuntimeRegistry.register(this);
        this.name = "runtime-" + number + " (" + shape + ")";
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
        return new AsyncRuntime(new CurrentThreadScheduler(Clock.SYSTEM), "current-thread");
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
     * A snapshot of every task of this runtime that has not completed: its state, its await chain
     * down to the leaf it waits for (each woven frame at the source line of its await), and,
     * with {@code -Dweft.spawnSites=true}, where and how long ago it was spawned. Its
     * {@code toString()} is the human-readable dump:
     *
     * <pre>
     * runtime-1 (2 workers, weft-worker-*): 1 live task
     * task 1b6d3586 idle, age 2.301s, spawned at demo.Server.main(Server.java:40)
     *     demo.Server.handle(Server.java:57)
     *     demo.Server.readLine(Server.java:71)
     *     socket read on SocketChannel[connected local=/127.0.0.1:5000 remote=/127.0.0.1:53122]
     * </pre>
     *
     * The same text comes from outside the JVM: {@code java -jar weft-agent.jar tasks <pid>}, and
     * the {@code dumpTasks} operation of the MBean {@code dev.weft:type=AsyncRuntime,name=runtime-<n>}
     * ({@code -Dweft.jmx=false} registers none). Costs nothing until called: the weaver writes each
     * woven method's state-to-line table as a constant that only a dump reads.
     *
     * @return the live tasks, read while the runtime keeps running
     */
    public TaskDump dumpTasks() {
        return TaskDumps.of(scheduler, name);
    }

    /**
     * Cancels the remaining tasks (their futures' cancel() runs, so timers are disarmed and
     * finally blocks of woven methods run), stops the runtime's threads and waits for them
     * (bounded). Idempotent.
     */
    @Override
    public void close() {
        scheduler.shutdown();
        RuntimeRegistry.unregister(number);
    }

    /**
     * A live view of this runtime's counters and gauges (tasks, polls, steals, parks, queue
     * depths, timers, sockets, blocking pool); also the JMX MBean
     * {@code dev.weft:type=RuntimeMetrics,name=runtime-<n>} (unless {@code -Dweft.jmx=false}).
     *
     * @return the same view on every call
     */
    public RuntimeMetrics metrics() {
        return metrics;
    }

    /** {@code runtime-<n>}: the key of this runtime's MBeans. */
    String metricsName() {
        return "runtime-" + number;
    }

    /** Internal (tests): the threads this runtime started. */
    List<Thread> threads() {
        return scheduler.threads();
    }

    /** Configures a multi-threaded runtime (or, with {@link #currentThread()}, a single-threaded one). */
    public static final class Builder {
        private static final Duration DEFAULT_SLOW_POLL = Duration.ofMillis(100);

        private int workers = Runtime.getRuntime().availableProcessors();
        private String threadNamePrefix = "weft-worker-";

        /** Options given that only a multi-threaded runtime has (named in build()'s refusal). */
        private String multiThreadOption;

        private boolean currentThread;
        private boolean virtualTime;

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
            this.multiThreadOption = "workers(" + n + ")";
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
            this.multiThreadOption = "threadNamePrefix(\"" + prefix + "\")";
            return this;
        }

        /**
         * Internal (tests run each driving mode side by side): idle workers drive the reactor
         * ({@code true}) or its own thread does ({@code false}), whatever {@code -Dweft.driver}
         * says. Package-private: the mode is not public API until a user needs to choose it.
         */
        Builder workersDrive(boolean drive) {
            this.workersDrive = drive;
            this.multiThreadOption = "workersDrive(" + drive + ")";
            return this;
        }

        /**
         * Builds a single-threaded runtime, as {@link AsyncRuntime#currentThread()}: tasks, timers
         * run only on the thread inside {@link AsyncRuntime#blockOn}. Combine with
         * {@link #virtualTime()}; {@link #workers} and {@link #threadNamePrefix} do not apply.
         *
         * @return this builder
         */
        public Builder currentThread() {
            this.currentThread = true;
            return this;
        }

        /**
         * A deterministic clock for tests (Tokio's {@code time::pause}, kotlinx-coroutines-test's
         * {@code runTest}): timers ({@link Async#sleep}, {@link Async#timeout}) and
         * {@link Async#nanoTime()} run on a virtual clock that starts at a {@code System.nanoTime()}
         * reading and moves only when the runtime is idle, then jumps to the next timer deadline
         * and fires it. Sleeping an hour takes no wall time:
         *
         * <pre>{@code
         * try (AsyncRuntime rt = AsyncRuntime.builder().virtualTime().build()) {
         *     rt.blockOn(Async.timeout(Duration.ofHours(1), neverReplies())); // TimeoutException at once
         * }
         * }</pre>
         *
         * <ul>
         *   <li><b>Idle</b> means no task scheduled or running, no blockOn future woken or being
         *       polled, and no {@link Async#spawnBlocking} work of this runtime in flight (it takes
         *       real time, so the clock stays still until it ends). A busy task, even one that
         *       only yields, keeps the clock still.
         *   <li><b>Deterministic</b>: timers fire in deadline order (1 ms resolution, as on real
         *       time), ties in the order they were armed; every task woken at one deadline runs
         *       until the runtime is idle again before the clock moves on, so
         *       {@code Async.nanoTime()} reads exact multiples of the sleeps.
         *   <li><b>No sockets</b>: a socket operation that has to wait throws
         *       IllegalStateException. A task waiting for the network is idle, so the clock would
         *       jump past every timeout before a packet could arrive; test I/O on a real-time runtime.
         *   <li>Wakes from threads outside the runtime (a CompletableFuture completed elsewhere) are
         *       not waited for: the clock may jump meanwhile.
         * </ul>
         *
         * @return this builder
         */
        public Builder virtualTime() {
            this.virtualTime = true;
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
                throw new IllegalArgumentException(
                        "slowPollThreshold must not be negative: " + threshold);
            }
            this.slowPollThreshold = threshold;
            this.multiThreadOption = "slowPollThreshold(" + threshold + ")";
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
                throw new IllegalArgumentException(
                        "-Dweft.slowPollMillis="
                                + p
                                + ": expected a number of milliseconds (0 turns the watchdog off)");
            }
        }

        /**
         * Starts the runtime's threads.
         *
         * @return a new runtime; close it when done
         */
        public AsyncRuntime build() {
            Clock clock = virtualTime ? new VirtualClock() : Clock.SYSTEM;
            String time = virtualTime ? ", virtual time" : "";
            if (currentThread) {
                if (multiThreadOption != null) {
                    throw new IllegalStateException(
                            "AsyncRuntime.Builder: "
                                    + multiThreadOption
                                    + " does not apply to a currentThread() runtime (it has no workers)");
                }
                return new AsyncRuntime(new CurrentThreadScheduler(clock), "current-thread" + time);
            }
            boolean drive =
                    workersDrive != null
                            ? workersDrive
                            : dev.weft.internal.driver.Reactor.workersDrive();
            WorkStealingScheduler s =
                    new WorkStealingScheduler(workers, threadNamePrefix, drive, clock);
            long slowPoll = slowPollNanos();
            if (slowPoll > 0) {
                s.watchSlowPolls(slowPoll, threadNamePrefix + "watchdog");
            }
            return new AsyncRuntime(
                    s,
                    workers
                            + (workers == 1 ? " worker, " : " workers, ")
                            + threadNamePrefix
                            + "*"
                            + time);
        }
    }
}
