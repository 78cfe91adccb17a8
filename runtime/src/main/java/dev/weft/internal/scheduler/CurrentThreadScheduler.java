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
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The single-threaded executor: tasks run only on the thread inside {@link #blockOn}, which also
 * drives the timers and parks until the next deadline. Tasks spawned or woken from other threads
 * queue up and run when a blockOn drives. One blockOn drives at a time (others wait for the
 * {@link #core}), as Tokio's current_thread runtime hands its core to one block_on.
 *
 * <p>Driving loop (one turn): poll the blockOn future if it was woken; run up to
 * {@link #BUDGET} queued tasks (so a busy task set cannot starve the main future); fire expired
 * timers; park until the next timer deadline if nothing is runnable. A wake from another thread
 * queues the task and unparks the driving thread: {@link #driver} is written before the queue is
 * checked, and read after the offer, so the driver either sees the task or is unparked.
 *
 * <p>Virtual time ({@code VirtualClock}): the reactor's turn jumps the clock only when neither
 * the queue nor the blockOn future has work, the same condition under which it would park.
 *
 * <p>Shutdown: cancel the live tasks (which queues them) and let whoever holds the core run the
 * cancellations: the closer itself when no blockOn is active, otherwise the blockOn thread, which
 * then cancels its own future and throws CancellationException.
 */
public final class CurrentThreadScheduler extends AbstractScheduler {

    /** Tasks run per turn before the main future is looked at again. */
    private static final int BUDGET = 61;

    /** Intrusive (through the tasks' own link), so a wake allocates no queue node. */
    private final InjectQueue queue = new InjectQueue();

    /** Held by the thread driving tasks (a blockOn, or a closer draining). */
    private final ReentrantLock core = new ReentrantLock();

    /** The thread inside blockOn, or null. */
    private volatile Thread driver;

    private final CancelSignal closing = () -> closed;

    /** What the thread holding {@link #core} did; written under the core only. */
    private final WorkerCounters counters = new WorkerCounters();

    private final WorkerCounters[] allCounters = {counters};

    public CurrentThreadScheduler(Clock clock) {
        super(1, Reactor.drivenByCaller(clock));
        if (clock instanceof VirtualClock) {
            // the blockOn thread is the driver: it asks only after finding nothing runnable
            // (Reactor.drive's wake condition), so an empty queue is all that is left to check
            ((VirtualClock) clock).watch(queue::isEmpty);
        }
    }

    @Override
    public void schedule(Task<?> task) {
        queue.push(task);
        if (driver != Thread.currentThread()) {
            reactor.unpark();
        }
        if (closed) {
            drainIfClosed();
        }
    }

    @Override
    public <T> T blockOn(Future<T> future) {
        checkNotRuntimeThread();
        checkOpen();
        Thread me = Thread.currentThread();
        core.lock();
        RuntimeHandle.CURRENT.set(this);
        driver = me;
        ThreadWaker waker = new ThreadWaker(me, reactor);
        Context cx = Contexts.create(waker, closing, this);
        java.util.function.BooleanSupplier runnable =
                () -> !queue.isEmpty() || waker.isNotified() || closed;
        try {
            for (; ; ) {
                if (closed) {
                    runQueued(Integer.MAX_VALUE);
                    cancelQuietly(future);
                    throw new CancellationException("runtime closed during blockOn");
                }
                if (waker.takeNotified()) {
                    Poll<T> p = future.poll(cx);
                    if (p.isReady()) {
                        return p.value();
                    }
                }
                runQueued(BUDGET);
                // drive the reactor: wait for I/O, the next timer or a wake when idle; poll it when
                // busy
                boolean idle = !runnable.getAsBoolean();
                if (idle) {
                    counters.countPark();
                }
                reactor.drive(idle ? Long.MAX_VALUE : 0, runnable);
                if (Thread.interrupted()) {
                    throw interrupted(future);
                }
            }
        } finally {
            driver = null;
            RuntimeHandle.CURRENT.remove();
            core.unlock();
            drainIfClosed();
        }
    }

    private void runQueued(int max) {
        Task<?> t;
        for (int i = 0; i < max && (t = queue.pop()) != null; i++) {
            counters.pollStarted();
            try {
                runGuarded(t);
            } finally {
                counters.pollEnded();
            }
        }
    }

    @Override
    WorkerCounters ownCounters() {
        return core.isHeldByCurrentThread() ? counters : null;
    }

    @Override
    public WorkerCounters[] workerCounters() {
        return allCounters;
    }

    /** Everything queued here waits in the one queue, reported as the inject queue. */
    @Override
    public int injectQueueDepth() {
        return queue.size();
    }

    @Override
    public int localQueueDepth(int worker) {
        java.util.Objects.checkIndex(worker, 1);
        return 0;
    }

    /**
     * After close: run the queued cancellations if no one else drives. A thread that fails to
     * take the core leaves the work to the holder, which re-checks the queue after unlocking.
     */
    private void drainIfClosed() {
        while (closed && !queue.isEmpty()) {
            if (!core.tryLock()) {
                return;
            }
            RuntimeHandle previous = RuntimeHandle.CURRENT.get();
            RuntimeHandle.CURRENT.set(this);
            try {
                runQueued(Integer.MAX_VALUE);
            } finally {
                if (previous == null) {
                    RuntimeHandle.CURRENT.remove();
                } else {
                    RuntimeHandle.CURRENT.set(previous);
                }
                core.unlock();
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
        reactor.unpark();
        drainIfClosed();
    }
}
