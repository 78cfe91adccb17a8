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
 * thread up to its first pending await (or, inside a trampoline loop, does the same itself
 * through {@link #beginDirect} and {@link #startedDirect}, one frame a level). The coroutine is its own task: its waker re-runs the body
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
        return started();
    }

    /** The end of every start: a still-running coroutine listens for its promise's cancellation. */
    private CompletableFuture<T> started() {
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

    // ---- Direct start (issue 12, point 4) ----
    //
    // Inside a trampoline loop (every level of an eager descent below the first), the woven
    // method starts its companion itself and runs the body with no runtime frame in between, a
    // copy of the body inlined into the method (the weaver's StubEmitter): one Java frame a
    // level, as a plain call, instead of six (the method, the companion's factory, start, poll,
    // resume, the body); a body too large to copy is called, two frames. The outermost call, with
    // no loop on its thread, goes through start() as before.
    //
    //   co = Companion.weft$new(params);  target = new P() or null
    //   cx = EagerCoroutine.beginDirect(co);
    //   if (cx == null) return EagerCoroutine.startOn(co, target);
    //   try { r = [body(co, cx), inlined]; } catch (Throwable t) { return startedDirect(co, null,
    // t, target); }
    //   return startedDirect(co, r, null, target);
    //
    // Arguments are Object so that verifying the host loads neither the companion nor P.

    /**
     * Begins the direct start of a fresh companion {@code co}: the context its body runs with, or
     * null when this thread runs no trampoline loop, in which case {@link #startOn} starts it.
     */
    public static Context beginDirect(Object co) {
        if (!Trampoline.current().running) {
            return null;
        }
        EagerCoroutine<?> c = (EagerCoroutine<?>) co;
        c.cx = Contexts.create(c, c, RuntimeHandle.current());
        // ordering: nobody else can see this coroutine yet; the promise is not returned.
        c.run.set(RUNNING);
        return c.cx;
    }

    /**
     * Ends a direct start whose body returned {@code returned} or threw {@code thrown}, as
     * {@link #start()} ends after its first poll: publishes a completion, runs the body again if
     * a wake came meanwhile, and returns the promise ({@code target} completed from it when not
     * null, as {@link #start(CompletableFuture)}).
     */
    public static CompletableFuture<?> startedDirect(
            Object co, Object returned, Throwable thrown, Object target) {
        EagerCoroutine<?> c = (EagerCoroutine<?>) co;
        try {
            c.firstResumed(returned, thrown, c.cx);
            if (!c.run.compareAndSet(RUNNING, IDLE) && c.run.getAndSet(RUNNING) == NOTIFIED) {
                c.drive();
            }
        } catch (Throwable t) {
            c.abandon(t); // as in start(): the promise completes, or t goes on up
        }
        CompletableFuture<?> p = c.started();
        return target == null ? p : into(p, (CompletableFuture<?>) target);
    }

    /** Starts {@code co} with {@link #start()} (or into {@code target}, when not null). */
    public static CompletableFuture<?> startOn(Object co, Object target) {
        CompletableFuture<?> p = ((EagerCoroutine<?>) co).start();
        return target == null ? p : into(p, (CompletableFuture<?>) target);
    }

    /**
     * As {@link #start()}, for a method declared to return a subclass of CompletableFuture
     * (EA Async's {@code Task<T>}): the woven method creates {@code target} with its no-arg
     * constructor, and the coroutine's outcome completes it as it completes the promise (a
     * failure with the original exception object). Cancelling {@code target} cancels the
     * coroutine as cancelling the promise does.
     */
    public final <P extends CompletableFuture<T>> P start(P target) {
        into(start(), target);
        return target;
    }

    /** Completes {@code target} from {@code p}; cancelling {@code target} cancels {@code p}. */
    @SuppressWarnings("unchecked")
    private static <T> CompletableFuture<T> into(CompletableFuture<T> p, CompletableFuture<?> t) {
        CompletableFuture<T> target = (CompletableFuture<T>) t;
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
