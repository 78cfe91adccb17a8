package dev.weft.internal.task;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.Poll;
import dev.weft.TaskSnapshot;
import dev.weft.Waker;
import dev.weft.internal.context.ContextSource;
import dev.weft.internal.context.Contexts;
import dev.weft.internal.context.Coop;
import dev.weft.internal.context.RuntimeHandle;
import dev.weft.internal.coroutine.AsyncStackTrace;
import dev.weft.internal.coroutine.Sneaky;
import dev.weft.internal.dump.Awaited;
import dev.weft.internal.dump.DumpFormat;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * One spawned future: its own {@link Waker}, its own {@link JoinHandle}, the cancel signal of
 * its {@link Context} (a {@link ContextSource}, so the context is 16 bytes holding only the
 * task) and, once complete, its own ready {@link Poll}; so spawning costs this object (48 bytes)
 * and that context.
 *
 * <p>Implementation overview. The state word ({@link TaskState}) decides who may poll and who
 * must enqueue. The executor calls {@link #run()} for each dequeue; run polls once (or cancels),
 * then either completes the task, leaves it idle, or re-schedules it once if it was woken during
 * the poll. Fields other than the state word are written by the polling thread only, and
 * published to the next poller by the run queue hand-off (a queue's offer/poll is a
 * release/acquire pair) and to joiners by the COMPLETE transition (volatile write after them).
 *
 * <p>Join protocol (no lost completion): the joiner stores its waker (volatile) then re-reads
 * COMPLETE; the completer sets COMPLETE then reads the waker. Sequential consistency of the two
 * volatile accesses means at least one of them sees the other.
 *
 * @param <T> the type of the future's value
 */
public final class Task<T> extends TaskState<T> implements JoinHandle<T>, ContextSource, Awaited {

    private static final VarHandle COMPLETION;

    static {
        try {
            COMPLETION =
                    MethodHandles.lookup()
                            .findVarHandle(Task.class, "completion", CompletableFuture.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Before COMPLETE: the spawned future, polled only by the RUNNING thread. From COMPLETE on:
     * the outcome, the value or a {@link Failed} holding the failure (CancellationException when
     * cancelled), written before COMPLETE is set, so whoever has seen COMPLETE reads the outcome.
     * One field for both (the future is dropped when the outcome arrives, which also frees it
     * for the GC) keeps a task at 48 bytes.
     */
    private Object body;

    /** A failed outcome; a distinct class so that no value can be mistaken for it. */
    private static final class Failed {
        final Throwable error;

        /** Where the task was spawned, when its runtime records it; for {@link AsyncStackTrace}. */
        final String spawnSite;

        Failed(Throwable error, String spawnSite) {
            this.error = error;
            this.spawnSite = spawnSite;
        }
    }

    /** Where the task goes when scheduled, and (when it is one) the runtime of its context; fixed. */
    private final Schedule scheduler;

    /** The context every poll receives: holds only this task. */
    private final Context cx;

    /** The waker of the latest joiner that found the task incomplete; see the join protocol. */
    private volatile Waker joinWaker;

    /** Created on the first toCompletableFuture(); completed by whoever sees it after COMPLETE. */
    @SuppressWarnings("unused")
    private volatile CompletableFuture<T> completion;

    /**
     * Link of the intrusive run queue the task sits in while SCHEDULED (the work-stealing
     * scheduler's inject queue); guarded by that queue. A task is in at most one queue at a
     * time (only the SCHEDULED transition enqueues), so one link suffices.
     */
    private Task<?> queueNext;

    /**
     * Links of {@link TaskList}; guarded by that list's stripe monitor (the stripe itself is
     * kept in the state word). {@code listNext == this} once removed.
     */
    Task<?> listPrev;

    Task<?> listNext;

    /**
     * A new task, SCHEDULED and not yet queued: the spawner must either {@code schedule} it or
     * run it itself. {@code runtime} is the runtime its context reports: the scheduler itself
     * (a scheduler is its tasks' runtime) or null.
     */
    public Task(Future<T> future, Schedule scheduler, RuntimeHandle runtime) {
        this.body = java.util.Objects.requireNonNull(future, "future");
        this.scheduler = scheduler;
        if (runtime != null && runtime != scheduler) {
            throw new IllegalArgumentException("a task's runtime is its scheduler");
        }
        this.cx = Contexts.create(this, this, runtime);
    }

    @SuppressWarnings("unchecked")
    private Future<T> future() {
        return (Future<T>) body;
    }

    @Override
    public RuntimeHandle contextRuntime() {
        return scheduler instanceof RuntimeHandle ? (RuntimeHandle) scheduler : null;
    }

    /**
     * Executor entry point: polls the future once, or cancels it if cancellation was requested.
     * Only called by the thread that dequeued the task (or that holds its first SCHEDULED).
     */
    public void run() {
        if (transitionToRunning() == Run.CANCEL) {
            cancelFuture();
            return;
        }
        // A chain of suspended lazy frames resumes at its innermost frame inside Coroutine.poll.
        Poll<T> p;
        T v;
        try {
            p = future().poll(cx);
            v = p.isReady() ? p.value() : null;
        } catch (Throwable t) {
            Coop.pollEnded();
            scheduler.pollEnded();
            complete(null, t);
            return;
        }
        Coop.pollEnded();
        scheduler.pollEnded();
        if (p.isReady()) {
            complete(v, null);
            return;
        }
        if (stripe() < 0) {
            // kept back unlisted and joined in place: idle from now on, so close() must see it
            scheduler.adopt(this);
        }
        switch (transitionToIdle()) {
            case IDLE:
                return;
            case RESCHEDULE:
                scheduler.schedule(this);
                return;
            default:
                cancelFuture();
        }
    }

    /** On the task's thread: the future releases what it holds, the handle reports cancelled. */
    private void cancelFuture() {
        try {
            future().cancel();
        } catch (Throwable ignored) {
            // the task is being aborted: nobody is left to receive what cancel threw.
        }
        complete(null, new CancellationException("task cancelled"));
    }

    private void complete(T v, Throwable t) {
        // the spawn site is resolved here, before the release below forgets it (failures only)
        body =
                t != null
                        ? new Failed(t, AsyncStackTrace.ENABLED ? scheduler.spawnSite(this) : null)
                        : v;
        // ordering: outcome is written before this volatile CAS; readers check COMPLETE first.
        transitionToComplete();
        scheduler.release(this);
        Waker w = joinWaker;
        if (w != null) {
            joinWaker = null;
            w.wake();
        }
        CompletableFuture<T> c = completion;
        if (c != null) {
            publish(c);
        }
    }

    @SuppressWarnings("unchecked")
    private void publish(CompletableFuture<T> c) {
        Object o = body;
        if (o instanceof Failed) {
            c.completeExceptionally(((Failed) o).error);
        } else {
            c.complete((T) o);
        }
    }

    // ---- Waker ----

    /** Any thread, any number of times; see {@link TaskState#transitionToScheduled}. */
    @Override
    public void wake() {
        if (transitionToScheduled() == Submit.SUBMIT) {
            scheduler.schedule(this);
        }
    }

    // ---- CancelSignal (the task's Context) ----

    @Override
    public boolean isCancelled() {
        return isCancelledState();
    }

    // ---- JoinHandle ----

    /**
     * Requests cancellation: the executor cancels the future on the task's thread and the task
     * completes with CancellationException, unless it completed first. Idempotent.
     */
    @Override
    public void cancel() {
        if (transitionToCancelled() == Submit.SUBMIT) {
            scheduler.schedule(this);
        }
    }

    /**
     * Cancels the task and, when it is idle (in no run queue, not being polled), runs its
     * cancellation on the calling thread before returning. The cancel transition of an idle
     * task hands its SCHEDULED bit to the caller, and whoever holds that bit may run the task
     * instead of queueing it (as a spawn refused at close does): the claim goes through the
     * state word, so there is still exactly one poller. {@code Scope} uses it so that a
     * cancelled scope's children have ended, their finally blocks included, when its cancel()
     * returns.
     *
     * @return false when the task sits in a run queue (it is cancelled when a worker takes it);
     *     true when it is complete, or when a poll of it is running on another thread, which
     *     then cancels it as soon as that poll returns, with no queue in between
     */
    public boolean cancelNow() {
        if (transitionToCancelled() == Submit.SUBMIT) {
            run();
            return true;
        }
        // CANCELLED is set now, so a running poll ends in cancelFuture, never in a re-queue.
        return (stateWord() & SCHEDULED) == 0;
    }

    @Override
    public boolean isDone() {
        return isCompleteState();
    }

    /**
     * Ready with the task's value (the task itself is the ready poll) or its failure (the
     * original object, with the awaiter's side added as a suppressed {@link AsyncStackTrace});
     * else, when the awaiter's worker still holds this task back since its spawn, runs it here
     * first ({@link Schedule#runInline}, fork/join's join in place); else registers the waker.
     */
    @Override
    public Poll<T> poll(Context awaiter) {
        if (!Coop.proceed(awaiter)) {
            return Poll.pending();
        }
        if (!isCompleteState() && (!scheduler.runInline(this, awaiter) || !isCompleteState())) {
            joinWaker = awaiter.waker();
            // ordering: re-read after publishing the waker; see the join protocol.
            if (!isCompleteState()) {
                return Poll.pending();
            }
        }
        Object o = body;
        if (o instanceof Failed) {
            Failed f = (Failed) o;
            // the failure crosses from this task into the awaiter: add the awaiter's side (same
            // object)
            AsyncStackTrace.crossed(f.error, this, f.spawnSite);
            throw Sneaky.<RuntimeException>rethrow(f.error);
        }
        return this;
    }

    // ---- Poll view, once complete with a value ----

    @Override
    public boolean isReady() {
        return isCompleteState() && !(body instanceof Failed);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T value() {
        if (!isReady()) {
            throw new IllegalStateException("task not complete with a value");
        }
        return (T) body;
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<T> toCompletableFuture() {
        CompletableFuture<T> c = completion;
        if (c == null) {
            CompletableFuture<T> fresh = new CompletableFuture<>();
            c = COMPLETION.compareAndSet(this, null, fresh) ? fresh : completion;
        }
        if (isCompleteState()) {
            publish(c);
        }
        return c;
    }

    /**
     * What the task runs, for diagnostics: the spawned future's class, or "(complete)". Any
     * thread; the read of the body races with its polling thread, which only matters for a
     * name.
     */
    public String futureName() {
        Object o = spawnedFuture();
        return o == null ? "(complete)" : o.getClass().getName();
    }

    /**
     * For task dumps, from any thread: the state as a dump reports it, or null once complete.
     * NOTIFIED counts as running (the poller re-schedules it); a cancel request pending on an idle
     * task has already made it scheduled.
     */
    public TaskSnapshot.State snapshotState() {
        int s = stateWord();
        if ((s & COMPLETE) != 0) {
            return null;
        }
        return (s & RUNNING) != 0
                ? TaskSnapshot.State.RUNNING
                : (s & SCHEDULED) != 0 ? TaskSnapshot.State.SCHEDULED : TaskSnapshot.State.IDLE;
    }

    /**
     * For task dumps, from any thread: the spawned future, or null once complete. The read races
     * with the polling thread, which never replaces the future, only the outcome over it.
     */
    public Object spawnedFuture() {
        Object o = body;
        return isCompleteState() ? null : o;
    }

    /** For task dumps: what awaiting this task's JoinHandle waits for. */
    @Override
    public String describeAwait() {
        TaskSnapshot.State s = snapshotState();
        return "join of task "
                + Integer.toHexString(DumpFormat.taskId(this))
                + " ("
                + (s == null ? "complete" : s.name().toLowerCase(java.util.Locale.ROOT))
                + ")";
    }

    /** The next task in the run queue holding this one; only that queue's guard holder calls it. */
    public Task<?> queueNext() {
        return queueNext;
    }

    /** Links this task to {@code next} in a run queue; only that queue's guard holder calls it. */
    public void setQueueNext(Task<?> next) {
        queueNext = next;
    }

    @Override
    public String toString() {
        return "Task[" + describe(stateWord()) + "]";
    }
}
