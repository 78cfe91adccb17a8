package dev.weft.internal.scope;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.Poll;
import dev.weft.Scope;
import dev.weft.internal.context.CancelSignal;
import dev.weft.internal.context.Contexts;
import dev.weft.internal.coroutine.Sneaky;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

/**
 * The future of {@code Scope.run}: starts the body on its first poll, polls it with the
 * awaiter's own context, and completes once the body is done and every child has ended.
 *
 * <p>Poll, in steps (only the awaiter polls, one thread at a time, so the fields here are
 * plain):
 * <ol>
 *   <li>publish the awaiter's waker to the children (a failure or the last end wakes it);
 *   <li>first poll only: apply the body function to get the body's future (a throw is the
 *       body's failure);
 *   <li>a failure recorded (body or child): cancel the children, idle ones on this thread at
 *       once; then, once the tasks of the children that ended are complete (so that a body
 *       awaiting a child's handle sees that child's outcome, its failure included), the body,
 *       polled once more with a cancelled context so that its finally blocks run and whatever
 *       else they throw is a later failure;
 *   <li>otherwise poll the body; pending: pending;
 *   <li>body done: pending while a child is live (the last one's end wakes us); then close the
 *       scope to spawns and wait until every child's task is complete, not only reported;
 *   <li>the first failure, as the original object, or the body's value.
 * </ol>
 *
 * <p>{@link #cancel()} (the awaiter gives up) cancels the children before the body, like step
 * 3, and then waits, blocking, for the children that a poll on another thread still holds:
 * those end when that poll returns, without going through a queue, so the wait is short and
 * cannot depend on this thread. A child that sits in a run queue (woken but not yet polled)
 * cannot be waited for (this thread may be the one that would take it): its future is
 * cancelled here instead, its finally blocks included, and its task completes when a worker
 * takes it.
 *
 * @param <T> the type of the body's value
 */
public final class ScopeFuture<T> implements Future<T> {

    private static final int NEW = 0;
    private static final int RUNNING = 1;
    private static final int DONE = 2;
    private static final int CANCELLED = 3;

    private final ChildTasks children;

    /** What the body function receives: the public scope over {@link #children}. */
    private final Scope scope;

    /** The body function until the first poll applies it; null afterwards. */
    private Function<Scope, Future<T>> start;

    /** The body's future while it runs; null once done. */
    private Future<T> body;

    /** Whether {@link #body} was polled (a body never polled is cancelled without running). */
    private boolean bodyPolled;

    private boolean bodyDone;

    /** The body's value, once done without failure. */
    private T value;

    /** Whether step 3 ran for the current failure. */
    private boolean childrenCancelled;

    private int state = NEW;

    /** A scope running {@code body(scope)}; {@code scope} is the public view of {@code children}. */
    public ScopeFuture(Function<Scope, Future<T>> body, Scope scope, ChildTasks children) {
        this.start = Objects.requireNonNull(body, "body");
        this.scope = scope;
        this.children = children;
    }

    @Override
    public Poll<T> poll(Context cx) {
        if (state >= DONE) {
            return outcome();
        }
        children.waker = cx.waker();
        if (state == NEW) {
            state = RUNNING;
            Function<Scope, Future<T>> f = start;
            start = null;
            try {
                body =
                        Objects.requireNonNull(
                                f.apply(scope),
                                "Scope.run: the body returned null instead of a future");
            } catch (Throwable t) {
                bodyDone = true;
                children.bodyFailed(t);
            }
        }
        if (!bodyDone && !children.failed()) {
            try {
                bodyPolled = true;
                Poll<T> p = body.poll(cx);
                if (p.isReady()) {
                    value = p.value();
                    bodyDone = true;
                    body = null;
                }
            } catch (Throwable t) {
                bodyDone = true;
                body = null;
                children.bodyFailed(t);
            }
        }
        if (children.failed() && !childrenCancelled) {
            childrenCancelled = true;
            children.cancelAll(false); // queued children are cancelled when taken; we wait for that
        }
        if (!bodyDone && children.failed()) {
            // Only once the ended children's tasks are complete: a body awaiting the child that
            // failed then takes that failure from its handle, not a CancellationException.
            if (!children.allTasksComplete()) {
                return Poll.pending();
            }
            cancelBody(Contexts.withCancel(cx, CancelSignal.ALWAYS));
        }
        if (!bodyDone || !children.closeIfNoneLive() || !children.allTasksComplete()) {
            return Poll.pending();
        }
        state = DONE;
        return outcome();
    }

    private void cancelBody(Context cancelled) {
        Future<T> b = body;
        body = null;
        bodyDone = true;
        Throwable t = ChildFuture.cancelAndCatch(b, bodyPolled, cancelled);
        if (t != null) {
            children.laterFailure(t);
        }
    }

    private Poll<T> outcome() {
        if (state == CANCELLED) {
            throw new CancellationException("scope cancelled");
        }
        Throwable failure = children.failure();
        if (failure != null) {
            throw Sneaky.<RuntimeException>rethrow(failure);
        }
        return Poll.ready(value);
    }

    /**
     * Cancels the children and then the body (see the class comment), and returns once every
     * child has ended except those still waiting in a run queue. Idempotent.
     */
    @Override
    public void cancel() {
        if (state >= DONE) {
            return;
        }
        boolean started = state == RUNNING;
        state = CANCELLED;
        start = null;
        if (!started) {
            children.close(); // the body never ran: no child can exist
            return;
        }
        List<JoinHandle<?>> stillRunning = children.cancelAll(true);
        if (!bodyDone) {
            // the awaiter gave up: what the body's cancellation throws has nobody to go to.
            cancelBody(Contexts.withCancel(Context.of(() -> {}), CancelSignal.ALWAYS));
        }
        for (JoinHandle<?> h : stillRunning) {
            try {
                h.toCompletableFuture().join();
            } catch (RuntimeException ended) {
                // it ended with a failure or its cancellation: either way it has ended.
            }
        }
        children.close();
    }
}
