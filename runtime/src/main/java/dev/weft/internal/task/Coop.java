package dev.weft.internal.task;

import dev.weft.Context;

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
 * <p>Protocol:
 * <ol>
 *   <li>the worker calls {@link Carrier#resetBudget()} before each task poll;
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
        if (Thread.currentThread() instanceof Carrier c) {
            if (c.budget > 0) {
                c.budget--;
                return true;
            }
            cx.waker().wake();
            return false;
        }
        return true;
    }

    /** True when the current thread carries a budget and it is spent (tests, diagnostics). */
    public static boolean exhausted() {
        return Thread.currentThread() instanceof Carrier c && c.budget <= 0;
    }

    /** A thread that carries a budget: the work-stealing scheduler's workers. */
    public abstract static class Carrier extends Thread {

        /** Units left for the task being polled; owner thread only (plain field, never shared). */
        private int budget = BUDGET;

        protected Carrier(String name) {
            super(name);
        }

        /** Called by this thread before each task poll. */
        protected final void resetBudget() {
            budget = BUDGET;
        }
    }
}
