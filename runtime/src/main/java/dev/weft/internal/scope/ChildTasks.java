package dev.weft.internal.scope;

import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.Waker;
import dev.weft.internal.context.RuntimeHandle;
import dev.weft.internal.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * The tasks of one scope and what they report: the live children, the first failure (with the
 * later ones suppressed by it), whether the scope is cancelling or closed, and the waker of the
 * scope's poller. Spawns and ends come from any thread; every field below is guarded by this
 * object's monitor unless it says otherwise. Nobody calls out (spawn, cancel, wake) while
 * holding it.
 */
public final class ChildTasks {

    /** Pruned of complete tasks when it reaches this size, so a long-lived scope keeps few. */
    private static final int ENDING_PRUNE = 32;

    /** Head of the live children (those that have not reported their end). */
    private ChildFuture<?> head;

    /** Number of live children. */
    private int live;

    /**
     * The first failure of the body or a child; later ones are added to it as suppressed. Once
     * set, never replaced.
     */
    private Throwable failure;

    /** Set with the first failure or by the scope's cancel; new children are cancelled at once. Never unset. */
    private boolean cancelling;

    /** The scope has ended (or was cancelled): spawn refuses. Never unset. */
    private boolean closed;

    /**
     * Handles of children that reported their end and whose task may not be complete yet: a
     * child reports from inside its task's last poll, just before the task sets COMPLETE and
     * leaves the runtime's live-task list. The scope completes only once these are complete.
     */
    private final List<JoinHandle<?>> ending = new ArrayList<>();

    /** Mirrors {@code failure != null} for the poller's lock-free check. */
    private volatile boolean failed;

    /**
     * The waker of the scope's latest poll; woken on the first failure and when the last live
     * child ends. // ordering: written by the poller before it reads the state under the
     * monitor; read by a child after it updated the state under the monitor.
     */
    volatile Waker waker;

    /** Spawns {@code future} as a child task on the current runtime; see {@code Scope.spawn}. */
    public <T> JoinHandle<T> spawn(Future<T> future) {
        Objects.requireNonNull(future, "future");
        ChildFuture<T> child = new ChildFuture<>(this, future);
        RuntimeHandle runtime;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException(
                        "Scope.spawn called after its scope ended: spawn a"
                                + " scope's tasks from its body or from another of its tasks while the scope runs");
            }
            runtime = RuntimeHandle.require("Scope.spawn");
            link(child);
        }
        JoinHandle<T> h;
        try {
            h = runtime.spawn(child); // may run, even end, on another worker before it returns
        } catch (Throwable t) {
            childEnded(child, null);
            throw t;
        }
        boolean cancel;
        synchronized (this) {
            child.handle = h;
            if (child.ended) {
                noteEnding(h);
            }
            cancel = cancelling && !child.ended;
        }
        if (cancel) {
            h.cancel();
        }
        return h;
    }

    /** A child reports its end; {@code error} is its failure, or null. Idempotent. */
    void childEnded(ChildFuture<?> child, Throwable error) {
        boolean wake;
        synchronized (this) {
            if (child.ended) {
                return;
            }
            child.ended = true;
            unlink(child);
            if (child.handle != null) {
                noteEnding(child.handle);
            }
            // kotlinx: a child that ends with CancellationException was cancelled; that is no
            // failure.
            boolean first =
                    error != null && !(error instanceof CancellationException) && record(error);
            wake = first || live == 0;
        }
        if (wake) {
            Waker w = waker;
            if (w != null) {
                w.wake();
            }
        }
    }

    /** The body failed with {@code error} (CancellationException included: it is the body's outcome). */
    synchronized void bodyFailed(Throwable error) {
        record(error);
    }

    /** A failure during a cancellation the scope started (a finally block threw): a later failure. */
    synchronized void laterFailure(Throwable error) {
        if (!(error instanceof CancellationException)) {
            record(error);
        }
    }

    /** Records {@code error}; true when it is the first failure. Holds the monitor. */
    private boolean record(Throwable error) {
        if (failure == null) {
            failure = error;
            failed = true;
            cancelling = true;
            return true;
        }
        if (error != failure && !contains(failure.getSuppressed(), error)) {
            failure.addSuppressed(error);
        }
        return false;
    }

    private static boolean contains(Throwable[] suppressed, Throwable error) {
        for (Throwable s : suppressed) {
            if (s == error) {
                return true;
            }
        }
        return false;
    }

    /** Whether a failure was recorded; lock-free, for the poller. */
    boolean failed() {
        return failed;
    }

    synchronized Throwable failure() {
        return failure;
    }

    /**
     * Closes the scope to new children if none is live; false (the poller stays pending, to be
     * woken by the last child's end) otherwise.
     */
    synchronized boolean closeIfNoneLive() {
        if (live > 0) {
            return false;
        }
        closed = true;
        return true;
    }

    /**
     * True when the task of every child that reported its end is complete; otherwise arranges
     * a wake for when the stragglers complete (their CompletableFuture view completes after the
     * task has left the runtime's live-task list) and returns false. After
     * {@link #closeIfNoneLive}, that is every child.
     */
    boolean allTasksComplete() {
        List<JoinHandle<?>> stragglers = new ArrayList<>();
        synchronized (this) {
            ending.removeIf(JoinHandle::isDone);
            stragglers.addAll(ending);
        }
        for (JoinHandle<?> h : stragglers) {
            h.toCompletableFuture()
                    .whenComplete(
                            (v, e) -> {
                                Waker w = waker;
                                if (w != null) {
                                    w.wake();
                                }
                            });
        }
        return stragglers.isEmpty();
    }

    /**
     * Cancels every live child: an idle one on this thread at once (its finally blocks run
     * before this returns); one being polled on another thread by request (that poll ends in
     * its cancellation); one waiting in a run queue by request, and with {@code inPlace} also
     * by cancelling its future here and now ({@code ChildFuture.cancelInPlace}). New children
     * are cancelled as they are spawned. Returns the handles of the children whose end is
     * running on another thread without a queue in between (a poll there, or their own
     * cancellation), plus those whose task has not completed since they reported their end:
     * the ones a canceller may wait for.
     */
    List<JoinHandle<?>> cancelAll(boolean inPlace) {
        List<ChildFuture<?>> live = new ArrayList<>();
        List<JoinHandle<?>> handles = new ArrayList<>();
        List<JoinHandle<?>> endingSoon = new ArrayList<>();
        synchronized (this) {
            cancelling = true;
            for (ChildFuture<?> c = head; c != null; c = c.next) {
                if (c.handle != null) {
                    live.add(c);
                    handles.add(c.handle);
                }
            }
            endingSoon.addAll(ending);
        }
        for (int i = 0; i < live.size(); i++) {
            JoinHandle<?> h = handles.get(i);
            try {
                if (!(h instanceof Task)) {
                    h.cancel();
                } else if (((Task<?>) h).cancelNow() || (inPlace && !live.get(i).cancelInPlace())) {
                    endingSoon.add(h);
                }
            } catch (Throwable ignored) {
                // a joiner's waker threw while the child completed; the child has ended all the
                // same.
            }
        }
        endingSoon.removeIf(JoinHandle::isDone);
        return endingSoon;
    }

    /** Closes the scope to new children (after its cancel). */
    synchronized void close() {
        closed = true;
    }

    private void link(ChildFuture<?> c) {
        c.next = head;
        if (head != null) {
            head.prev = c;
        }
        head = c;
        live++;
    }

    private void unlink(ChildFuture<?> c) {
        if (c.prev != null) {
            c.prev.next = c.next;
        } else {
            head = c.next;
        }
        if (c.next != null) {
            c.next.prev = c.prev;
        }
        c.prev = null;
        c.next = null;
        live--;
    }

    private void noteEnding(JoinHandle<?> h) {
        if (ending.size() >= ENDING_PRUNE) {
            ending.removeIf(JoinHandle::isDone);
        }
        ending.add(h);
    }
}
