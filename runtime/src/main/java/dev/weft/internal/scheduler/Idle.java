package dev.weft.internal.scheduler;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who is parked and who is searching, for the work-stealing scheduler (Tokio's
 * {@code scheduler/multi_thread/idle.rs}). The point is to wake as few workers as possible:
 * a worker that pushes stealable work wakes a sleeper only when no worker is already searching
 * (a searcher will find the work), and at most about half of the workers search at once, so
 * an idle runtime does not burn every core on failed steals.
 *
 * <pre>
 *  state (int)
 *   31              16 15               0
 *  +------------------+------------------+
 *  |    searching     |     unparked     |
 *  +------------------+------------------+
 *  unparked : workers not in the sleeper list (running, searching, or about to park).
 *  searching: workers looking for work to steal; always &lt;= unparked.
 * </pre>
 *
 * <p>Protocol (no lost wake-up: work is never left queued while every worker sleeps):
 * <ol>
 *   <li>a producer first makes its task visible (ring tail, inject queue, fork stack), then
 *       calls {@link #workerToNotify}: if nobody searches and somebody sleeps, it takes one sleeper
 *       out of the list, counts it as unparked and searching, and the caller unparks it;
 *   <li>a worker about to park calls {@link #transitionWorkerToParked}; if it was the last
 *       searcher it re-checks every queue afterwards and notifies (possibly itself) when work
 *       is there. Either the producer's read of the state saw no searcher and woke a sleeper,
 *       or the last searcher's re-check (after its decrement) sees the producer's task;
 *   <li>a searcher that finds work calls {@link #transitionWorkerFromSearching}; if it was the
 *       last searcher it wakes one more worker, since there may be more work where it found
 *       some (the "searcher that finds work wakes the next" rule).
 * </ol>
 */
final class Idle {

    private static final int SEARCH_SHIFT = 16;
    private static final int UNPARK_MASK = (1 << SEARCH_SHIFT) - 1;
    private static final int ONE_SEARCHING = 1 << SEARCH_SHIFT;

    /** Packed (searching, unparked); see the class comment. */
    private final AtomicInteger state;

    private final int workers;

    /** Indices of parked workers, a stack; guarded by {@code this}. */
    private final int[] sleepers;

    /** Entries in {@link #sleepers}; guarded by {@code this}. */
    private int sleeping;

    Idle(int workers) {
        if (workers > UNPARK_MASK) {
            throw new IllegalArgumentException("too many workers: " + workers);
        }
        this.workers = workers;
        this.state = new AtomicInteger(workers);
        this.sleepers = new int[workers];
    }

    static int searching(int s) {
        return s >>> SEARCH_SHIFT;
    }

    static int unparked(int s) {
        return s & UNPARK_MASK;
    }

    /**
     * A worker with nothing local asks to search. Refused when half (rounded up) of the
     * workers already search: they will find the work, and more thieves only contend.
     */
    boolean transitionWorkerToSearching() {
        int s = state.get();
        if (2 * searching(s) >= workers) {
            return false;
        }
        // racy by design (Tokio's too): the bound is a heuristic, not an invariant.
        state.addAndGet(ONE_SEARCHING);
        return true;
    }

    /** A searcher found work; true when it was the last searcher (it must then wake one more). */
    boolean transitionWorkerFromSearching() {
        int prev = state.getAndAdd(-ONE_SEARCHING);
        return searching(prev) == 1;
    }

    /**
     * The worker {@code index} parks; true when it was the last searcher, so it must re-check
     * the queues (protocol step 2).
     */
    synchronized boolean transitionWorkerToParked(int index, boolean wasSearching) {
        int prev = state.getAndAdd(-1 - (wasSearching ? ONE_SEARCHING : 0));
        sleepers[sleeping++] = index;
        return wasSearching && searching(prev) == 1;
    }

    /**
     * Protocol step 1: the index of a sleeper to unpark (already counted as unparked and
     * searching), or -1 when a searcher exists or nobody sleeps.
     */
    int workerToNotify() {
        if (!shouldWake()) {
            return -1; // fast path: no lock while the runtime is busy.
        }
        synchronized (this) {
            if (!shouldWake() || sleeping == 0) {
                return -1;
            }
            state.addAndGet(1 + ONE_SEARCHING);
            return sleepers[--sleeping];
        }
    }

    /**
     * A parked worker woke for another reason than a notify (shutdown): leave the list if still
     * in it. Returns true when it was removed (counts restored as unparked, not searching).
     */
    synchronized boolean removeSleeper(int index) {
        for (int i = 0; i < sleeping; i++) {
            if (sleepers[i] == index) {
                sleepers[i] = sleepers[--sleeping];
                state.addAndGet(1);
                return true;
            }
        }
        return false;
    }

    /**
     * Whether every worker is unparked and none searches (racy): then a producer has nobody to
     * wake, and any worker that runs dry later searches after this read.
     */
    boolean allWorking() {
        int s = state.get();
        return searching(s) == 0 && unparked(s) == workers;
    }

    private boolean shouldWake() {
        int s = state.get();
        return searching(s) == 0 && unparked(s) < workers;
    }

    /** Snapshot for tests and toString: (searching, unparked). */
    int stateWord() {
        return state.get();
    }
}
