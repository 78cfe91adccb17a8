package dev.weft.internal.scope;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.Poll;
import dev.weft.Waker;
import dev.weft.internal.context.CancelSignal;
import dev.weft.internal.context.Contexts;
import dev.weft.internal.context.RuntimeHandle;
import dev.weft.internal.coroutine.Sneaky;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a scope's child task runs: the spawned future, reporting to its {@link ChildTasks} when
 * it ends (a value, a failure, or a cancellation). The task calls exactly one of these last: a
 * poll that returns ready or throws, or {@link #cancel()}; so every child reports once.
 *
 * <p>Also a node of the scope's list of live children; the links, {@link #handle} and
 * {@link #ended} are guarded by the ChildTasks monitor.
 *
 * @param <T> the type of the child's value
 */
final class ChildFuture<T> implements Future<T> {

    private static final Waker NO_WAKE = () -> {};

    private final ChildTasks scope;

    /** The spawned future; polled only by the child's task (one thread at a time). */
    private final Future<T> inner;

    /**
     * Whether {@link #inner} was polled: a future never polled is cancelled without starting it.
     * Written by the task's poller; read by whoever cancels the inner future, after the task's
     * state word (the CAS chain from that poll to the cancel transition) has published it.
     */
    private boolean started;

    /**
     * Set by whoever cancels {@link #inner}: the task's own cancel, or the scope cancelling a
     * child whose task waits in a run queue ({@link #cancelInPlace}); the other one then leaves
     * it alone. Once set, never unset.
     */
    private final AtomicBoolean cancelClaimed = new AtomicBoolean();

    /** The child's task, once spawn returned it; null before. Guarded by the scope. */
    JoinHandle<T> handle;

    /** Set once the child reported its end; never unset. Guarded by the scope. */
    boolean ended;

    /** Links of the scope's live list; guarded by the scope. */
    ChildFuture<?> prev;

    ChildFuture<?> next;

    ChildFuture(ChildTasks scope, Future<T> inner) {
        this.scope = scope;
        this.inner = inner;
    }

    @Override
    public Poll<T> poll(Context cx) {
        started = true;
        Poll<T> p;
        try {
            p = inner.poll(cx);
        } catch (Throwable t) {
            scope.childEnded(this, t);
            throw Sneaky.<RuntimeException>rethrow(t);
        }
        if (p.isReady()) {
            scope.childEnded(this, null);
        }
        return p;
    }

    /**
     * The task is being cancelled (by the scope, through its handle, or by the runtime's
     * close): the inner future is cancelled on this thread, and what its cancellation throws
     * other than CancellationException (a finally block's exception) reaches the scope as a
     * later failure.
     */
    @Override
    public void cancel() {
        if (cancelClaimed.compareAndSet(false, true)) {
            cancelInner();
        }
    }

    /**
     * For the scope's cancel, when this child's task sits in a run queue with its CANCELLED bit
     * set: its next run can only be a cancellation (never a poll), so nobody polls the inner
     * future until then, and the scope may cancel it now, on its own thread, so that the
     * child's finally blocks have run when the scope's cancel returns. The task still completes
     * when a worker takes it (its cancel then finds the work done). False when the task's own
     * cancel got there first: it is running on another thread now.
     */
    boolean cancelInPlace() {
        if (!cancelClaimed.compareAndSet(false, true)) {
            return false;
        }
        cancelInner();
        return true;
    }

    private void cancelInner() {
        Throwable t = null;
        try {
            t =
                    cancelAndCatch(
                            inner,
                            started,
                            Contexts.create(NO_WAKE, CancelSignal.ALWAYS, RuntimeHandle.current()));
        } finally {
            scope.childEnded(this, t);
        }
    }

    /**
     * Cancels {@code f} and returns what its cancellation threw, or null. A future that ran
     * ({@code started}) is polled once more with the cancelled context {@code cancelled}, as
     * {@code Coroutine.cancel} does itself: its pending await cancels what it awaits and throws
     * CancellationException into the body, whose catch and finally blocks run and whose outcome
     * comes out of that poll (Coroutine.cancel would swallow it). Still pending afterwards (a
     * future that ignores the flag): plain cancel(). A future never started is only cancelled,
     * so its body never runs.
     */
    static Throwable cancelAndCatch(Future<?> f, boolean started, Context cancelled) {
        try {
            if (!started || !f.poll(cancelled).isReady()) {
                f.cancel();
            }
            return null;
        } catch (Throwable t) {
            return t;
        }
    }
}
