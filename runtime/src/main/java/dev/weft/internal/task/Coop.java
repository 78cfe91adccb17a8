package dev.weft.internal.task;

import dev.weft.Context;
import dev.weft.internal.time.TimerBatch;

/**
 * The cooperative budget (Tokio's {@code task/coop}): how many operations on weft's leaf
 * futures one task poll may complete before the leaves start answering Pending. A task whose
 * futures are always ready (a loop over ready futures, a channel that always has a value) would
 * otherwise never return to its worker, and the worker's other tasks, its inject queue and the
 * timers it should react to would starve.
 *
 * <p>Where the counter lives: in the worker thread itself ({@link Carrier}, which the
 * work-stealing workers extend), so a leaf reaches it with {@code Thread.currentThread()} (a JIT
 * intrinsic) and one type check, no ThreadLocal lookup and no field on every Context. Threads
 * that are not carriers (blockOn callers, the current-thread runtime, hand polling) have no
 * budget: {@link #proceed} always says yes there.
 *
 * <p>Whose budget: only the task the worker is polling spends it, recognised by its waker
 * ({@code cx.waker() == owner}). Other code that polls futures on a worker thread inside a
 * task's poll — an eager coroutine resumed inline by a completion, a coroutine re-polled with
 * a no-op waker to run its cancellation — is not that task: if its leaves answered Pending once
 * the task's budget is spent, an eager coroutine (which re-runs at once when woken during its
 * own run) would spin on the same worker forever.
 *
 * <p>Protocol:
 * <ol>
 *   <li>the worker calls {@link Carrier#resetBudget} before each task poll and
 *       {@link Carrier#clearBudget} after it;
 *   <li>a leaf future calls {@link #proceed} before completing an operation; true: go on (one
 *       unit consumed); false: the budget is spent, proceed has already woken the context's
 *       waker, and the leaf returns {@code Poll.pending()} without side effects;
 *   <li>the woken task comes back through the yield path (back of the worker's queue, never
 *       the LIFO slot), so everything queued before it runs first.
 * </ol>
 *
 * <p>Leaves that consume budget: {@code Future.ready}/{@code done}/{@code failed} (Ready),
 * {@code Async.yieldNow} (its completing poll), {@code Async.sleep} (a fired or zero sleep),
 * JoinHandle (every poll of a task's handle). Combinators (all, race, timeout) consume nothing
 * themselves: their leaves do.
 */
public final class Coop {

    /** Leaf operations per task poll; Tokio's value. */
    public static final int BUDGET = 128;

    private Coop() {}

    /**
     * One unit of the current task's budget. False when it is spent: the caller must return
     * Pending; the task's waker has been woken so it runs again after the others.
     */
    public static boolean proceed(Context cx) {
        if (Thread.currentThread() instanceof Carrier c && c.owner == cx.waker()) {
            if (c.budget > 0) {
                c.budget--;
                return true;
            }
            cx.waker().wake();
            return false;
        }
        return true;
    }

    /**
     * Called by a task's run right after it polled its future (any outcome), before the task
     * can be completed or polled again: the timers its leaves armed during the poll reach the
     * wheel now ({@link TimerBatch}). Nothing to do off the workers.
     */
    public static void pollEnded() {
        if (Thread.currentThread() instanceof Carrier c) {
            c.timers.flush();
        }
    }

    /** A thread that carries a budget: the work-stealing scheduler's workers. */
    public abstract static class Carrier extends Thread {

        /** Timers armed by the task being polled, armed in one go when its poll ends. */
        public final TimerBatch timers = new TimerBatch();

        /** Units left for the task being polled; this thread only (plain field, never shared). */
        private int budget = BUDGET;

        /** The waker of the task being polled (the task itself), or null between polls. */
        private Object owner;

        protected Carrier(String name) {
            super(name);
        }

        /** Called by this thread before it polls the task whose waker is {@code task}. */
        protected final void resetBudget(Object task) {
            budget = BUDGET;
            owner = task;
        }

        /**
         * Called by this thread after the poll: no budget applies between tasks. Flushes the
         * timer batch too, a backstop for a poll that ended without {@link #pollEnded}.
         */
        protected final void clearBudget() {
            owner = null;
            timers.flush();
        }

        /**
         * Hands what is left of the budget to {@code task}, a task polled inside the current
         * poll (a child joined in place), without refilling it: the inline poll spends the
         * budget of the poll it runs in. Returns the previous owner, to be handed back the
         * same way afterwards.
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
}
