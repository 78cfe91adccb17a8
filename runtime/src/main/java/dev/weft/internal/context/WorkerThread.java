package dev.weft.internal.context;

import dev.weft.internal.time.TimerBatch;

/**
 * A runtime worker thread, and the worker-local state that leaf futures reach through {@code
 * Thread.currentThread()} (a JIT intrinsic and one type check: no ThreadLocal lookup, no field on
 * every Context). Tokio keeps the same state in {@code runtime/context.rs}. The work-stealing
 * scheduler's workers extend it; every other thread (a blockOn caller, the current-thread runtime,
 * a driver thread, hand polling) is not one, and {@code instanceof WorkerThread} is the runtime's
 * one test for "am I on a worker".
 *
 * <p>What it holds, all touched by this thread alone (plain fields, never shared):
 *
 * <ul>
 *   <li>the cooperative budget of the task being polled ({@link Coop}) and that task's waker,
 *       which says whose budget it is;
 *   <li>the timers armed during that poll ({@link TimerBatch}), armed in one go when it ends.
 * </ul>
 *
 * <p>Lifetime: {@link #resetBudget} before each task poll opens the window, {@link #clearBudget}
 * after it closes it; between polls there is no owner and no budget applies.
 */
public abstract class WorkerThread extends Thread {

    /** Timers armed by the task being polled, armed in one go when its poll ends. */
    public final TimerBatch timers = new TimerBatch();

    /** Units left for the task being polled; this thread only (read and spent by {@link Coop}). */
    int budget = Coop.BUDGET;

    /** The waker of the task being polled (the task itself), or null between polls. */
    Object owner;

    protected WorkerThread(String name) {
        super(name);
    }

    /** Called by this thread before it polls the task whose waker is {@code task}. */
    protected final void resetBudget(Object task) {
        budget = Coop.BUDGET;
        owner = task;
    }

    /**
     * Called by this thread after the poll: no budget applies between tasks. Flushes the timer
     * batch too, a backstop for a poll that ended without {@link Coop#pollEnded}.
     */
    protected final void clearBudget() {
        owner = null;
        timers.flush();
    }

    /**
     * Hands what is left of the budget to {@code task}, a task polled inside the current poll (a
     * child joined in place), without refilling it: the inline poll spends the budget of the poll
     * it runs in. Returns the previous owner, to be handed back the same way afterwards.
     */
    protected final Object lendBudget(Object task) {
        Object previous = owner;
        owner = task;
        return previous;
    }

    /** Whether this thread is inside a poll of the task whose waker is {@code waker}. */
    public final boolean isPolling(Object waker) {
        return owner != null && owner == waker;
    }
}
