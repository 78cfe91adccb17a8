package dev.weft.internal.scheduler;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.internal.context.CancelSignal;
import dev.weft.internal.context.RuntimeHandle;
import dev.weft.internal.task.Schedule;
import dev.weft.internal.task.Task;
import dev.weft.internal.time.Clock;
import dev.weft.internal.time.TimerDriver;
import dev.weft.internal.time.TimerThread;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The simple multi-threaded executor: N workers take tasks from one shared FIFO queue and park
 * inside {@code take()} when it is empty; a dedicated timer thread drives the timers. Correct,
 * not fast: issue 5 replaces it with per-worker rings and stealing, behind {@link Scheduler}.
 *
 * <p>Shutdown protocol (no task left unfinished, no thread left behind):
 * <ol>
 *   <li>{@link #closed} is set; the task list refuses new tasks (a late spawn cancels its own).
 *   <li>every live task is cancelled: idle ones are scheduled, scheduled ones are already
 *       queued, running ones cancel themselves when their poll returns (never re-queued);
 *   <li>blockOn callers are woken (they cancel their future and throw CancellationException);
 *   <li>one STOP marker per worker is queued behind the cancelled tasks (FIFO), and the workers
 *       are joined (bounded wait; not when called from a worker);
 *   <li>{@link #terminated} is set, then the queue is drained by the closer: a task whose
 *       waker won the race to SCHEDULED but queued itself after the STOP markers is cancelled
 *       here, or, if it queues after this drain, by its own waker (see {@link #schedule}).
 * </ol>
 */
public final class MultiThreadScheduler extends AbstractScheduler {

    /** Bounded wait in close() for workers stuck in a user's poll. */
    private static final long JOIN_MILLIS = 5_000;

    /** Queued once per worker by shutdown; a worker that takes it exits. */
    private static final Task<Void> STOP = new Task<>(Future.done(), new Schedule() {
        @Override
        public void schedule(Task<?> task) {}

        @Override
        public void release(Task<?> task) {}
    }, null);

    private final LinkedBlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    private final Thread[] workers;
    private final TimerThread timer;

    /** Wakers of threads inside blockOn, woken by shutdown. */
    private final Set<ThreadWaker> blockers = ConcurrentHashMap.newKeySet();

    /** Set after the workers are gone; from then on schedulers drain the queue themselves. */
    private volatile boolean terminated;

    /** The cancel signal of blockOn contexts: the runtime's closing. */
    private final CancelSignal closing = () -> closed;

    public MultiThreadScheduler(int workerCount, String threadNamePrefix) {
        this.timer = new TimerThread(threadNamePrefix + "timer", Clock.SYSTEM);
        this.workers = new Thread[workerCount];
        for (int i = 0; i < workerCount; i++) {
            Thread t = new Thread(this::work, threadNamePrefix + i);
            t.setDaemon(true);
            workers[i] = t;
        }
        timer.start();
        for (Thread t : workers) {
            t.start();
        }
    }

    private void work() {
        RuntimeHandle.CURRENT.set(this);
        for (;;) {
            Task<?> t;
            try {
                t = queue.take();
            } catch (InterruptedException e) {
                continue; // a user interrupted a worker: the interrupt has no meaning here.
            }
            if (t == STOP) {
                return;
            }
            runGuarded(t);
        }
    }

    static void runGuarded(Task<?> t) {
        try {
            t.run();
        } catch (Throwable e) {
            // a joiner's waker threw; the task itself already completed. Keep the thread alive.
            Thread me = Thread.currentThread();
            me.getUncaughtExceptionHandler().uncaughtException(me, e);
        }
    }

    @Override
    public void schedule(Task<?> task) {
        queue.offer(task);
        // ordering: offer (volatile write) before reading terminated; shutdown writes terminated
        // before its drain, so either the drain sees this task or we see terminated.
        if (terminated) {
            drain();
        }
    }

    /**
     * Runs what is queued on the calling thread. STOP markers are put back: a worker that
     * called close() from inside a task has yet to take its own.
     */
    private void drain() {
        int stops = 0;
        Task<?> t;
        while ((t = queue.poll()) != null) {
            if (t == STOP) {
                stops++;
            } else {
                runGuarded(t);
            }
        }
        for (int i = 0; i < stops; i++) {
            queue.offer(STOP);
        }
    }

    @Override
    public TimerDriver timers() {
        return timer.driver();
    }

    @Override
    public <T> T blockOn(Future<T> future) {
        checkNotRuntimeThread();
        checkOpen();
        ThreadWaker waker = new ThreadWaker(Thread.currentThread());
        Context cx = Context.create(waker, closing, this);
        RuntimeHandle.CURRENT.set(this);
        blockers.add(waker);
        try {
            for (;;) {
                if (closed) {
                    cancelQuietly(future);
                    throw new CancellationException("runtime closed during blockOn");
                }
                if (waker.takeNotified()) {
                    Poll<T> p = future.poll(cx);
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
        for (ThreadWaker w : blockers) {
            w.wake();
        }
        for (int i = 0; i < workers.length; i++) {
            queue.offer(STOP);
        }
        long deadline = System.nanoTime() + JOIN_MILLIS * 1_000_000L;
        Thread me = Thread.currentThread();
        for (Thread w : workers) {
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
        drain();
        timer.stop(JOIN_MILLIS);
    }

    @Override
    public List<Thread> threads() {
        List<Thread> all = new ArrayList<>(List.of(workers));
        all.add(timer.thread());
        return all;
    }
}
