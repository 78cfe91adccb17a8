package dev.weft.internal.scheduler;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.internal.context.CancelSignal;
import dev.weft.internal.context.Contexts;
import dev.weft.internal.context.RuntimeHandle;
import dev.weft.internal.driver.Reactor;
import dev.weft.internal.metrics.WorkerCounters;
import dev.weft.internal.task.Task;
import dev.weft.internal.time.Clock;
import dev.weft.internal.time.VirtualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * The multi-threaded executor behind {@code AsyncRuntime.create()}: N {@link Worker}s with a
 * bounded local ring and a LIFO slot each, one {@link InjectQueue} for work coming from outside,
 * idle coordination by {@link Idle}, and a reactor (timers and selector) turned by idle workers
 * or, with {@code -Dweft.driver=thread}, by its own thread. The design, its policy and its
 * protocols are in this package's {@code package-info.java}.
 *
 * <p>Where a schedule goes: from one of this scheduler's workers, to that worker
 * ({@link Worker#scheduleLocal}: LIFO slot, or the back of its ring for a yield); from any other
 * thread, to the inject queue, followed by a notify of a parked worker.
 *
 * <p>Shutdown protocol (no task left unfinished, nothing left queued, no thread left behind):
 * <ol>
 *   <li>{@link #closed} is set; the task list refuses new tasks (a late spawn cancels its own);
 *   <li>every live task is cancelled: idle ones are scheduled, queued ones stay queued, running
 *       ones cancel themselves when their poll returns (never re-queued);
 *   <li>blockOn callers are woken (they cancel their future and throw CancellationException);
 *   <li>every worker is unparked; a worker leaves its loop once its ring, its LIFO slot and the
 *       inject queue are empty (so it drains the cancellations queued with it); the closer joins
 *       them (bounded; not itself when close() runs inside a task);
 *   <li>{@link #terminated} is set, then the inject queue is drained by the closer: a wake that
 *       lost the race with the workers' exit is cancelled here or, if it queues after this
 *       drain, by its own waker (see {@link #schedule}).
 * </ol>
 *
 * <p>Virtual time ({@link VirtualClock}): each worker holds one busy unit of the clock from its
 * start and from each exit from the sleeper list ({@link #notifyParked} enters for it before the
 * unpark) until it parks after its last re-check; a blockOn thread holds one from each wake of
 * its future until the poll that follows ends ({@link ThreadWaker}). With no unit held, the clock
 * may jump once no ring and no inject queue holds a task.
 */
public final class WorkStealingScheduler extends AbstractScheduler {

    /** Bounded wait in close() for workers stuck in a user's poll. */
    private static final long JOIN_MILLIS = 5_000;

    final Worker[] workers;
    final InjectQueue inject = new InjectQueue();
    final Idle idle;

    /** Idle workers drive the reactor ({@code -Dweft.driver=worker}) instead of its own thread. */
    final boolean workersDrive;

    /** The workers' counters, in worker order (for RuntimeMetrics). */
    private final WorkerCounters[] counters;

    /** The clock when virtual, else null; see the class comment. */
    final VirtualClock virtual;

    /** Wakers of threads inside blockOn, woken by shutdown. */
    private final Set<ThreadWaker> blockers = ConcurrentHashMap.newKeySet();

    /** Set after the workers are gone; from then on schedulers drain the inject queue themselves. */
    private volatile boolean terminated;

    /** The cancel signal of blockOn contexts: the runtime's closing. */
    private final CancelSignal closing = () -> closed;

    public WorkStealingScheduler(int workerCount, String threadNamePrefix) {
        this(workerCount, threadNamePrefix, Reactor.workersDrive());
    }

    public WorkStealingScheduler(int workerCount, String threadNamePrefix, boolean workersDrive) {
        this(workerCount, threadNamePrefix, workersDrive, Clock.SYSTEM);
    }

    /** A runtime whose timers run on {@code clock} (a {@link VirtualClock} for virtual time). */
    public WorkStealingScheduler(
            int workerCount, String threadNamePrefix, boolean workersDrive, Clock clock) {
        super(
                workerCount,
                workersDrive
                        ? Reactor.drivenByCaller(clock)
                        : Reactor.withThread(threadNamePrefix + "driver", clock));
        this.virtual = clock instanceof VirtualClock ? (VirtualClock) clock : null;
        if (virtual != null) {
            for (int i = 0; i < workerCount; i++) {
                virtual.enter(); // each worker starts busy, until its first park
            }
        }
        this.workersDrive = workersDrive;
        this.idle = new Idle(workerCount);
        this.workers = new Worker[workerCount];
        for (int i = 0; i < workerCount; i++) {
            workers[i] = new Worker(this, i, threadNamePrefix + i);
        }
        if (virtual != null) {
            // only now: the driver thread (started by super) asks the predicate as soon as no unit
            // is held, and before the units above it held none; workPending() on a null workers
            // array killed that thread with an NPE, leaving the runtime without a driver
            virtual.watch(() -> !workPending());
        }
        this.counters = new WorkerCounters[workerCount];
        for (int i = 0; i < workerCount; i++) {
            counters[i] = workers[i].counters;
        }
        for (Worker w : workers) {
            w.start();
        }
    }

    @Override
    public void schedule(Task<?> task) {
        if (Thread.currentThread() instanceof Worker w && w.scheduler == this) {
            w.scheduleLocal(task);
            return;
        }
        if (reactor.timers().isFiringOn(Thread.currentThread())) {
            inject.pushTimerWake(task); // the driver thread's timer wake: ahead of queued work
        } else {
            inject.push(task);
        }
        notifyParked();
        // ordering: the push (a monitor release) comes before this volatile read; shutdown
        // writes terminated before its drain, so either the drain sees the task or we see
        // terminated.
        if (terminated) {
            drainInject();
        }
    }

    /**
     * From a task's poll on one of this scheduler's workers, the child is kept back in the
     * worker's fork stack ({@link Worker#keep}) until that poll ends, a join claims it, or
     * another worker steals it. Not once closed: the spawn is refused as before.
     */
    @Override
    boolean keepBack(Task<?> task) {
        return !closed
                && Thread.currentThread() instanceof Worker w
                && w.scheduler == this
                && w.keep(task);
    }

    @Override
    public boolean runInline(Task<?> task, Context awaiter) {
        // once closed, a kept-back child is left for publishForks, which cancels it
        return !closed
                && Thread.currentThread() instanceof Worker w
                && w.scheduler == this
                && w.joinInPlace(task, awaiter);
    }

    @Override
    public void pollEnded() {
        if (Thread.currentThread() instanceof Worker w && w.scheduler == this) {
            w.publishForks();
        }
    }

    @Override
    WorkerCounters ownCounters() {
        return Thread.currentThread() instanceof Worker w && w.scheduler == this
                ? w.counters
                : null;
    }

    @Override
    public WorkerCounters[] workerCounters() {
        return counters;
    }

    @Override
    public int injectQueueDepth() {
        return inject.size();
    }

    @Override
    public int localQueueDepth(int worker) {
        return Math.max(0, workers[worker].local.size());
    }

    /** The slow-poll watchdog, or null when off; written once by {@link #watchSlowPolls} before the runtime is shared. */
    private Watchdog watchdog;

    /**
     * Starts the slow-poll watchdog (see {@link Watchdog}): polls running longer than
     * {@code thresholdNanos} are reported. Called once, right after construction.
     */
    public void watchSlowPolls(long thresholdNanos, String threadName) {
        if (thresholdNanos <= 0 || watchdog != null) {
            throw new IllegalStateException(
                    "watchdog already running, or threshold " + thresholdNanos + " <= 0");
        }
        watchdog = new Watchdog(this, thresholdNanos, threadName);
        watchdog.start();
    }

    /** Idle protocol step 1: wake a parked worker if nobody is searching. */
    void notifyParked() {
        int i = idle.workerToNotify();
        if (i >= 0) {
            if (virtual != null) {
                virtual.enter(); // for the worker, before it can run: the notifier is busy until
                // then
            }
            Worker w = workers[i];
            w.notified = true;
            unpark(w);
        }
    }

    /** Wakes {@code w} wherever it waits: parked, or (worker mode) driving the reactor. */
    void unpark(Worker w) {
        if (workersDrive && reactor.owner() == w) {
            reactor.unpark();
        }
        LockSupport.unpark(w);
    }

    /**
     * Is there stealable or injected work, kept-back children included? (The last searcher's
     * re-check before parking.)
     */
    boolean workPending() {
        if (!inject.isEmpty()) {
            return true;
        }
        for (Worker w : workers) {
            if (!w.local.isEmpty() || !w.forks.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private void drainInject() {
        Task<?> t;
        while ((t = inject.pop()) != null) {
            runGuarded(t);
        }
    }

    @Override
    public <T> T blockOn(Future<T> future) {
        checkNotRuntimeThread();
        checkOpen();
        ThreadWaker waker = new ThreadWaker(Thread.currentThread(), null, virtual);
        Context cx = Contexts.create(waker, closing, this);
        RuntimeHandle.CURRENT.set(this);
        blockers.add(waker);
        try {
            for (; ; ) {
                if (closed) {
                    cancelQuietly(future);
                    throw new CancellationException("runtime closed during blockOn");
                }
                if (waker.takeNotified()) {
                    Poll<T> p;
                    try {
                        p = future.poll(cx);
                    } finally {
                        if (virtual != null) {
                            virtual.exit(); // the wake's unit: whatever the poll handed on holds
                            // its own
                        }
                    }
                    if (p.isReady()) {
                        return p.value();
                    }
                    continue;
                }
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    throw interrupted(future);
                }
            }
        } finally {
            blockers.remove(waker);
            RuntimeHandle.CURRENT.remove();
            if (virtual != null && waker.takeNotified()) {
                virtual.exit(); // a wake no poll took (closed, interrupted)
            }
        }
    }

    @Override
    public void shutdown() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        cancelAll();
        closeReactor();
        for (ThreadWaker w : blockers) {
            w.wake();
        }
        for (Worker w : workers) {
            unpark(w);
        }
        long deadline = System.nanoTime() + JOIN_MILLIS * 1_000_000L;
        Thread me = Thread.currentThread();
        for (Worker w : workers) {
            if (w == me) {
                continue;
            }
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                break;
            }
            try {
                w.join(left);
            } catch (InterruptedException e) {
                me.interrupt();
                break;
            }
        }
        terminated = true;
        drainInject();
        if (watchdog != null) {
            watchdog.stop();
        }
    }

    /**
     * Tasks still queued anywhere (rings, LIFO slots, inject queue). Exact once the workers have
     * stopped; tests assert it is 0 after close().
     */
    public int queuedTasks() {
        int n = inject.size();
        for (Worker w : workers) {
            n += w.queued();
        }
        return n;
    }

    /** Live (not yet completed) tasks; tests assert it is 0 after close(). */
    public int liveTasks() {
        return tasks.size();
    }

    @Override
    public List<Thread> threads() {
        List<Thread> all = new ArrayList<>(List.of(workers));
        if (reactor.thread() != null) {
            all.add(reactor.thread());
        }
        if (watchdog != null) {
            all.add(watchdog.thread());
        }
        return all;
    }

    @Override
    public String toString() {
        int s = idle.stateWord();
        return "WorkStealingScheduler[workers="
                + workers.length
                + ", searching="
                + Idle.searching(s)
                + ", unparked="
                + Idle.unparked(s)
                + ", injected="
                + inject.size()
                + "]";
    }
}
