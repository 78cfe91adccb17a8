package dev.weft.internal.task;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.Poll;
import dev.weft.Waker;
import dev.weft.internal.context.CancelSignal;
import dev.weft.internal.context.RuntimeHandle;
import dev.weft.internal.coroutine.Sneaky;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * One spawned future: its own {@link Waker}, its own {@link JoinHandle} and the cancel signal of
 * its {@link Context}, so spawning costs this object and one Context.
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
public final class Task<T> extends TaskState implements JoinHandle<T>, Waker, CancelSignal {

    private static final VarHandle COMPLETION;

    static {
        try {
            COMPLETION = MethodHandles.lookup().findVarHandle(Task.class, "completion", CompletableFuture.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The spawned future; polled only by the RUNNING thread; cleared on completion for the GC. */
    private Future<T> future;

    /** Where the task goes when scheduled; fixed. */
    private final Schedule scheduler;

    /** The context every poll receives: this task as waker and cancel signal. */
    private final Context cx;

    /** The value once COMPLETE without failure. Written before COMPLETE is set. */
    private T value;

    /** The failure once COMPLETE with one (CancellationException when cancelled). */
    private Throwable failure;

    /** The waker of the latest joiner that found the task incomplete; see the join protocol. */
    private volatile Waker joinWaker;

    /** Created on the first toCompletableFuture(); completed by whoever sees it after COMPLETE. */
    @SuppressWarnings("unused")
    private volatile CompletableFuture<T> completion;

    /** Links of {@link TaskList}; guarded by that list's monitor. */
    Task<?> listPrev;
    Task<?> listNext;
    boolean listed;

    /**
     * A new task, SCHEDULED and not yet queued: the spawner must either {@code schedule} it or
     * run it itself.
     */
    public Task(Future<T> future, Schedule scheduler, RuntimeHandle runtime) {
        this.future = java.util.Objects.requireNonNull(future, "future");
        this.scheduler = scheduler;
        this.cx = Context.create(this, this, runtime);
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
        Poll<T> p;
        T v;
        try {
            p = future.poll(cx);
            v = p.isReady() ? p.value() : null;
        } catch (Throwable t) {
            complete(null, t);
            return;
        }
        if (p.isReady()) {
            complete(v, null);
            return;
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
            future.cancel();
        } catch (Throwable ignored) {
            // the task is being aborted: nobody is left to receive what cancel threw.
        }
        complete(null, new CancellationException("task cancelled"));
    }

    private void complete(T v, Throwable t) {
        value = v;
        failure = t;
        future = null;
        // ordering: value/failure are written before this volatile CAS; readers check COMPLETE first.
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

    private void publish(CompletableFuture<T> c) {
        if (failure != null) {
            c.completeExceptionally(failure);
        } else {
            c.complete(value);
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

    @Override
    public boolean isDone() {
        return isCompleteState();
    }

    /** Ready with the task's value or its failure (the original object); else registers the waker. */
    @Override
    public Poll<T> poll(Context awaiter) {
        if (!isCompleteState()) {
            joinWaker = awaiter.waker();
            // ordering: re-read after publishing the waker; see the join protocol.
            if (!isCompleteState()) {
                return Poll.pending();
            }
        }
        if (failure != null) {
            throw Sneaky.<RuntimeException>rethrow(failure);
        }
        return Poll.ready(value);
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

    @Override
    public String toString() {
        return "Task[" + describe(stateWord()) + "]";
    }
}
