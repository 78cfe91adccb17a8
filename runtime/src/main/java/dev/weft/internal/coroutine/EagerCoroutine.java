package dev.weft.internal.coroutine;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Waker;
import dev.weft.internal.context.CancelSignal;
import dev.weft.internal.context.Contexts;
import dev.weft.internal.context.RuntimeHandle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The state object of one call of an eager async method (declared return type
 * {@code CompletableFuture} or {@code CompletionStage}): promise-style, as EA Async. The woven
 * method creates the companion and returns {@link #start()}, which runs the body on the caller's
 * thread up to its first pending await. The coroutine is its own task: its waker re-runs the body
 * on the waking thread (the thread that completed what it awaited), and its outcome completes
 * the returned CompletableFuture — a failure with the original exception object.
 *
 * <p>Cancelling the returned CompletableFuture cancels the coroutine: the next run sees a
 * cancelled context, so the pending await cancels what it awaits and throws
 * CancellationException into the body (its finally blocks run).
 *
 * <p>Run protocol (one atomic word, all transitions CAS): IDLE -wake-> RUNNING; a wake while
 * RUNNING marks NOTIFIED; a run that ends NOTIFIED runs again, so N wakes cause at most one
 * extra run and no wake is lost, and only one thread runs the body at a time. A wake that wins
 * IDLE -> RUNNING runs the body through the thread's {@link Trampoline}, so a chain of eager calls
 * completing from its leaf resumes level after level in a loop, not nested.
 *
 * <p>Outcome protocol (issue 12, point 2): the promise always completes, and no error is dropped.
 * The body's own outcome is published by {@link #onComplete}. An error thrown anywhere else in a
 * run (a {@code StackOverflowError} while polling or while publishing) completes the promise
 * exceptionally if it is still incomplete, and marks the coroutine done so it never runs again;
 * an error raised after the promise was completed is rethrown to whoever ran the coroutine.
 */
public abstract class EagerCoroutine<T> extends Coroutine<T> implements Waker, CancelSignal {

    private static final int IDLE = 0;
    private static final int RUNNING = 1;
    private static final int NOTIFIED = 2;

    /** Completed exactly once with the body's outcome; what the woven method returns. */
    private final CompletableFuture<T> promise;

    /** IDLE, RUNNING or NOTIFIED; see the class comment. */
    private final AtomicInteger run = new AtomicInteger(IDLE);

    /** The context every run polls with; set once by {@link #start()}. */
    private Context cx;

    protected EagerCoroutine() {
        this(new Promise<>());
        ((Promise<T>) promise).owner = this;
    }

    /**
     * The promise an eager method returns, knowing its coroutine until it completes, so that a
     * task dump can follow a task that awaits the promise into the eager method's own frames. The
     * field fits in the padding of a plain CompletableFuture (24 bytes either way); it is cleared
     * at completion, so a promise kept by its user does not keep the coroutine's saved locals.
     */
    static final class Promise<T> extends CompletableFuture<T> {
        volatile EagerCoroutine<T> owner;
    }

    /** For task dumps: the eager call whose promise {@code stage} is, while it runs; else null. */
    public static Coroutine<?> ownerOf(Object stage) {
        return stage instanceof Promise ? ((Promise<?>) stage).owner : null;
    }

    /** A coroutine that completes {@code promise}, which must be incomplete and not shared. */
    protected EagerCoroutine(CompletableFuture<T> promise) {
        this.promise = promise;
    }

    /** Runs the body up to its first pending await; returns the promise of its outcome. */
    public final CompletableFuture<T> start() {
        cx = Contexts.create(this, this, RuntimeHandle.current());
        try {
            // ordering: nobody else can see this coroutine yet; the promise is not returned.
            run.set(RUNNING);
            Trampoline t = Trampoline.current();
            if (t.running) {
                // inside a loop already: the body runs now, on the caller's stack. drive(),
                // written out: an eager descent passes here once per level, one frame less each.
                do {
                    if (state != DONE) {
                        try {
                            poll(cx);
                        } catch (Throwable e) {
                            abandon(e);
                        }
                    }
                } while (!run.compareAndSet(RUNNING, IDLE) && run.getAndSet(RUNNING) == NOTIFIED);
            } else {
                t.run(this);
            }
        } catch (Throwable t) {
            // a StackOverflowError deep in a descent lands here when even publishing it failed
            // further down; this frame has more room. Complete the promise rather than return
            // one that never completes.
            abandon(t);
        }
        if (state != DONE) {
            promise.whenComplete(
                    (v, e) -> {
                        if (promise.isCancelled()) {
                            wake();
                        }
                    });
        }
        return promise;
    }

    /**
     * As {@link #start()}, for a method declared to return a subclass of CompletableFuture
     * (EA Async's {@code Task<T>}): the woven method creates {@code target} with its no-arg
     * constructor, and the coroutine's outcome completes it as it completes the promise (a
     * failure with the original exception object). Cancelling {@code target} cancels the
     * coroutine as cancelling the promise does.
     */
    public final <P extends CompletableFuture<T>> P start(P target) {
        CompletableFuture<T> p = start();
        p.whenComplete(
                (v, e) -> {
                    if (e != null) {
                        target.completeExceptionally(e);
                    } else {
                        target.complete(v);
                    }
                });
        if (!p.isDone()) {
            target.whenComplete(
                    (v, e) -> {
                        if (target.isCancelled()) {
                            p.cancel(false);
                        }
                    });
        }
        return target;
    }

    @Override
    public final void wake() {
        for (; ; ) {
            int s = run.get();
            if (s == IDLE) {
                if (run.compareAndSet(IDLE, RUNNING)) {
                    Trampoline.wake(this);
                    return;
                }
            } else if (s == RUNNING) {
                if (run.compareAndSet(RUNNING, NOTIFIED)) {
                    return;
                }
            } else {
                return;
            }
        }
    }

    /** Runs the body until no wake is pending; called with the run word RUNNING. */
    final void drive() {
        do {
            if (state != DONE) {
                try {
                    poll(cx);
                } catch (Throwable t) {
                    abandon(t);
                }
            }
            // linearization: a wake before this CAS made it fail (NOTIFIED), so we run again.
        } while (!run.compareAndSet(RUNNING, IDLE) && run.getAndSet(RUNNING) == NOTIFIED);
    }

    /**
     * {@code t} left a run. When it is the body's failure, onComplete already published it.
     * Otherwise weft failed around the body (StackOverflowError while polling or publishing): the
     * coroutine is marked done with {@code t}, and the promise completed with it if it is still
     * incomplete; if the promise already holds an outcome, {@code t} is rethrown, never dropped.
     */
    private void abandon(Throwable t) {
        if (state != DONE) {
            markFailed(t);
        }
        if (promise.completeExceptionally(t) || t == failure()) {
            return;
        }
        throw Sneaky.<RuntimeException>rethrow(t);
    }

    @Override
    public final boolean isCancelled() {
        return promise.isCancelled();
    }

    @Override
    protected Future<?> toFuture(Object returned) {
        if (returned instanceof CompletionStage) {
            return Future.of((CompletionStage<?>) returned);
        }
        return super.toFuture(returned);
    }

    @Override
    protected final void onComplete(T value, Throwable failure) {
        if (promise instanceof Promise) {
            ((Promise<T>) promise).owner = null;
        }
        if (failure != null) {
            promise.completeExceptionally(failure);
        } else {
            promise.complete(value);
        }
    }
}
