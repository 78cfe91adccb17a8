package dev.weft.internal.scheduler;

import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.internal.context.RuntimeHandle;
import dev.weft.internal.driver.Reactor;
import dev.weft.internal.jfr.WeftEvents;
import dev.weft.internal.metrics.DriverMetrics;
import dev.weft.internal.metrics.SchedulerStats;
import dev.weft.internal.metrics.WorkerCounters;
import dev.weft.internal.task.Task;
import dev.weft.internal.task.TaskList;
import dev.weft.internal.time.TimerDriver;
import dev.weft.internal.time.VirtualClock;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/** What both schedulers share: the live-task list, spawning, and the blockOn preconditions. */
abstract class AbstractScheduler implements Scheduler, SchedulerStats {

    /** Live tasks, for shutdown. */
    final TaskList tasks;

    AbstractScheduler(int threads, Reactor reactor) {
        this.tasks = new TaskList(threads);
        this.reactor = reactor;
        if (Boolean.getBoolean(SPAWN_SITES_PROPERTY)) {
            spawnSites = new SpawnSites();
        }
    }

    /**
     * Internal system property: every runtime created while it is {@code true} records where each
     * task was spawned and when, so a failure crossing a JoinHandle names its spawn site
     * ({@code AsyncStackTrace}) and a task dump shows each task's site and age. Off by default: a spawn then captures its stack (~1.5-3 us, see
     * {@link SpawnSites}) where a spawn otherwise costs a fraction of a microsecond.
     */
    public static final String SPAWN_SITES_PROPERTY = "weft.spawnSites";

    /** Set once by shutdown(). */
    volatile boolean closed;

    /** The driver: timers and (opened by the first socket that waits) the selector; see internal.driver. */
    final Reactor reactor;

    /** Sockets first waiting after shutdown go to the fallback (the runtime's selector is closed). */
    @Override
    public final Reactor reactor() {
        return closed ? Reactor.fallback() : reactor;
    }

    @Override
    public final TimerDriver timers() {
        return reactor.timers();
    }

    /** Shutdown: stops the driver, closing the sockets still registered with it. */
    final void closeReactor() {
        reactor.close();
    }

    /**
     * Where live tasks were spawned, or null (the default: spawns record nothing). Written once,
     * by {@link LiveTasks#recordSpawnSites} before the runtime is shared; a worker reads it only
     * while running a task that reached it through a queue after that write.
     */
    private SpawnSites spawnSites;

    final void recordSpawnSites() {
        if (spawnSites == null) {
            spawnSites = new SpawnSites();
        }
    }

    /** How many nanoseconds ago {@code task} was spawned, or -1 when not recorded. */
    final long ageNanos(Task<?> task) {
        SpawnSites sites = spawnSites;
        return sites == null ? -1 : sites.ageNanos(task);
    }

    /** Where {@code task} was spawned, or null when not recorded. */
    @Override
    public final String spawnSite(Task<?> task) {
        SpawnSites sites = spawnSites;
        return sites == null ? null : sites.of(task);
    }

    /** Spawns and completions on threads that own no {@link WorkerCounters} of this scheduler. */
    private final LongAdder outsideSpawns = new LongAdder();

    private final LongAdder outsideCompletions = new LongAdder();

    /**
     * The counters the current thread owns in this scheduler (a worker's, or the core holder's
     * of a current-thread runtime), or null for any other thread.
     */
    abstract WorkerCounters ownCounters();

    @Override
    public final long outsideSpawns() {
        return outsideSpawns.sum();
    }

    @Override
    public final long outsideCompletions() {
        return outsideCompletions.sum();
    }

    @Override
    public final int timersArmed() {
        return reactor.timers().armed();
    }

    @Override
    public final DriverMetrics driver() {
        return reactor.metrics();
    }

    @Override
    public final <T> JoinHandle<T> spawn(Future<T> future) {
        Task<T> task = new Task<>(future, this, this);
        WorkerCounters own = ownCounters();
        if (own != null) {
            own.countSpawn();
        } else {
            outsideSpawns.increment();
        }
        SpawnSites sites = spawnSites;
        if (sites != null) {
            sites.record(task);
        }
        WeftEvents.taskSpawned(task);
        if (keepBack(task)) {
            return task;
        }
        if (!tasks.add(task)) {
            // closed: the spawner holds the task's SCHEDULED bit, so it may run the cancellation
            // itself.
            task.cancel();
            task.run();
            return task;
        }
        schedule(task);
        return task;
    }

    /**
     * Whether the spawning worker keeps the new task back for a join in place (the work-stealing
     * scheduler's fork stack). A task kept back is not in the live-task list yet: it is listed by
     * {@link #adopt} when it leaves the fork stack for a queue or first suspends, so that the
     * many children joined in place and completed in one poll never touch the list's locks.
     */
    boolean keepBack(Task<?> task) {
        return false;
    }

    /**
     * Lists a task that was kept back unlisted; if the runtime closed meanwhile (the list
     * refuses it), cancels it instead, as close() cancels every listed task. The caller holds
     * the task's SCHEDULED or RUNNING bit, so the task cannot complete meanwhile.
     */
    @Override
    public final void adopt(Task<?> task) {
        if (!tasks.add(task)) {
            task.cancel();
        }
    }

    @Override
    public final void release(Task<?> task) {
        tasks.remove(task);
        WorkerCounters own = ownCounters();
        if (own != null) {
            own.countCompletion();
        } else {
            outsideCompletions.increment();
        }
        WeftEvents.taskEnded(task);
        SpawnSites sites = spawnSites;
        if (sites != null) {
            sites.forget(task);
        }
    }

    /** Refuses new tasks and requests cancellation of the live ones (each is then scheduled). */
    final void cancelAll() {
        for (Task<?> t : tasks.close()) {
            t.cancel();
        }
    }

    /** Runs one task, keeping the thread alive if a joiner's waker throws. */
    static void runGuarded(Task<?> t) {
        try {
            t.run();
        } catch (Throwable e) {
            // a joiner's waker threw; the task itself already completed. Keep the thread alive.
            Thread me = Thread.currentThread();
            me.getUncaughtExceptionHandler().uncaughtException(me, e);
        }
    }

    /** blockOn's precondition, with the reason in the message. */
    static void checkNotRuntimeThread() {
        if (RuntimeHandle.current() != null) {
            throw new IllegalStateException(
                    "AsyncRuntime.blockOn called from a weft runtime thread ("
                            + Thread.currentThread().getName()
                            + "): blocking it would stop the thread that"
                            + " must drive the future. Await the future instead (or spawn it and await its JoinHandle).");
        }
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("AsyncRuntime is closed");
        }
    }

    /** A blockOn caller was interrupted: give up on the future, keep the interrupt visible. */
    static CancellationException interrupted(Future<?> future) {
        cancelQuietly(future);
        Thread.currentThread().interrupt();
        return new CancellationException("blockOn interrupted");
    }

    static void cancelQuietly(Future<?> future) {
        try {
            future.cancel();
        } catch (Throwable ignored) {
            // the caller is abandoning the future; its cancel failure has no receiver.
        }
    }

    /** The waker of a future driven by blockOn: unparks the blocked thread. */
    static final class ThreadWaker implements dev.weft.Waker {
        private final Thread thread;

        /** The reactor this thread waits in instead of parking (current-thread runtime), or null. */
        private final Reactor drives;

        /** Set by wake, cleared by the blocked thread when it takes the notification. */
        private volatile boolean notified = true;

        ThreadWaker(Thread thread) {
            this(thread, null);
        }

        /**
         * Virtual time (multi-threaded blockOn), else null: each false-to-true change of
         * {@link #notified} enters a busy unit of the clock (the initial notification's too),
         * which the blockOn thread exits after the poll that takes it.
         */
        private final VirtualClock virtual;

        ThreadWaker(Thread thread, Reactor drives) {
            this(thread, drives, null);
        }

        ThreadWaker(Thread thread, Reactor drives, VirtualClock virtual) {
            this.thread = thread;
            this.drives = drives;
            this.virtual = virtual;
            if (virtual != null) {
                virtual.enter();
            }
        }

        @Override
        public void wake() {
            if (virtual != null) {
                synchronized (this) {
                    if (!notified) {
                        virtual.enter(); // the waker is busy: the unit passes on without a gap
                        notified = true;
                    }
                }
            }
            notified = true;
            if (drives != null) {
                drives.unpark();
            } else {
                LockSupport.unpark(thread);
            }
        }

        boolean takeNotified() {
            if (virtual != null) {
                synchronized (this) {
                    boolean was = notified;
                    notified = false;
                    return was;
                }
            }
            if (notified) {
                notified = false;
                return true;
            }
            return false;
        }

        boolean isNotified() {
            return notified;
        }
    }
}
