package dev.weft.internal.coroutine;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.internal.context.CancelSignal;
import dev.weft.internal.future.Ready;
import java.util.concurrent.CancellationException;

/**
 * The state object of one call of a lazy async method (declared return type
 * {@code dev.weft.Future}). The weaver generates one subclass per async method (its
 * "companion"), adding typed fields for the parameters and for the locals live across each
 * suspension point, and implementing {@link #resume} by calling the woven body in the host class.
 *
 * <p>Implementation overview. The woven body is a state machine entered through
 * {@link #resume}; {@link #state} says where to continue. The body returns either
 * {@link Await#SUSPENDED} (it saved its locals, set {@link #state} and {@link #awaiting}) or the
 * value of its {@code return} statement, which is a future (the method's declared return type)
 * that this coroutine then awaits in tail position. The coroutine is its own {@link Poll} once
 * complete, so completing allocates nothing beyond the state object itself.
 *
 * <p>Only the awaiter polls; one thread at a time (the runtime guarantees it for tasks), so the
 * fields need no synchronization: the executor's hand-off between threads orders them.
 */
public abstract class Coroutine<T> extends Poll<T> implements Future<T> {

    /** {@link #state} before the first poll: the body has not started. */
    public static final int START = 0;

    /** {@link #state} once complete (value or failure); never left. */
    public static final int DONE = -1;

    /**
     * Where the woven body resumes: {@link #START}, the number of a suspension point (1..n,
     * assigned by the weaver), or {@link #DONE}. Written by the woven body and by this class.
     */
    public int state;

    /**
     * The future the body is suspended on, re-polled on resume; written by the woven body before
     * it returns {@link Await#SUSPENDED}, cleared when it resumes. Null when not suspended.
     */
    public Future<?> awaiting;

    /** The future returned by the body, awaited in tail position; null until the body returns. */
    private Future<? extends T> tail;

    /** The value once {@link #DONE} without failure. */
    private T value;

    /** The failure once {@link #DONE} with one; rethrown as the original object by every poll. */
    private Throwable failure;

    protected Coroutine() {}

    /**
     * Runs the woven body from {@link #state} to its next pending await or its end.
     *
     * @return {@link Await#SUSPENDED}, or the body's return value (a future or null)
     */
    protected abstract Object resume(Context cx) throws Throwable;

    @Override
    public final Poll<T> poll(Context cx) {
        if (state == DONE) {
            return outcome();
        }
        try {
            if (tail == null) {
                Object r = resume(cx);
                if (r == Await.SUSPENDED) {
                    return Poll.pending();
                }
                if (r == null || r instanceof Ready) {
                    return complete(r == null ? null : ((Ready<T>) cast(r)).value());
                }
                tail = cast(toFuture(r));
            }
            Object v = Await.step(tail, cx);
            if (v == Await.SUSPENDED) {
                return Poll.pending();
            }
            return complete(cast(v));
        } catch (Throwable t) {
            fail(t);
            throw Sneaky.<RuntimeException>rethrow(t);
        }
    }

    /** The body's return value as a future; CompletionStages are adapted (eager methods). */
    protected Future<?> toFuture(Object returned) {
        return (Future<?>) returned;
    }

    @SuppressWarnings("unchecked")
    private static <X> X cast(Object o) {
        return (X) o;
    }

    private Poll<T> complete(T v) {
        value = v;
        state = DONE;
        awaiting = null;
        tail = null;
        onComplete(v, null);
        return this;
    }

    private void fail(Throwable t) {
        if (state == DONE) {
            return;
        }
        failure = t;
        state = DONE;
        awaiting = null;
        tail = null;
        onComplete(null, t);
    }

    /**
     * Makes this coroutine done with {@code t} if it is not done yet, for an error raised around
     * its body rather than by it (EagerCoroutine: a StackOverflowError while polling).
     */
    final void markFailed(Throwable t) {
        fail(t);
    }

    /** The failure this coroutine completed with, or null. */
    final Throwable failure() {
        return failure;
    }

    /** Hook for subclasses that publish the outcome (eager coroutines). */
    protected void onComplete(T value, Throwable failure) {}

    private Poll<T> outcome() {
        if (failure != null) {
            throw Sneaky.<RuntimeException>rethrow(failure);
        }
        return this;
    }

    /**
     * Cancels this call: a body that never started never runs; a suspended body is resumed once
     * with a cancelled context, so its pending await cancels what it awaits and throws
     * CancellationException, and its finally blocks run. Idempotent.
     */
    @Override
    public void cancel() {
        if (state == DONE) {
            return;
        }
        if (state != START) {
            try {
                poll(cancelledContext());
            } catch (Throwable ignored) {
                // the awaiter gave up: the body's CancellationException (or what its finally threw)
                // has nobody to go to.
            }
        }
        if (state != DONE) {
            fail(new CancellationException("cancelled"));
        }
    }

    /** A context whose waker does nothing and which reports cancelled. */
    private static Context cancelledContext() {
        return Context.of(() -> {}).withCancel(CancelSignal.ALWAYS);
    }

    // ---- Direct entries (docs/design.md, "Direct await of woven methods") ----
    //
    // A direct entry runs a lazy method's body without its state object and allocates that object
    // only when the body must suspend. It then hands the object up through the awaiting field of
    // the root: the state object of the nearest caller that has one, whose poll is running on
    // this thread. Parameters are Object so the host's verifier never has to load a companion.

    /** {@code root.awaiting = suspended}: the call that just suspended, for the caller to await. */
    public static void handOff(Object root, Object suspended) {
        ((Coroutine<?>) root).awaiting = (Future<?>) suspended;
    }

    /** The call most recently handed off to {@code root}. */
    public static Future<?> handedOff(Object root) {
        return ((Coroutine<?>) root).awaiting;
    }

    /**
     * Makes a fresh state object {@code co} (never polled) stand for a body that returned the
     * pending future {@code tail}: its polls await the tail, as if its own first poll had run the
     * body to that return. Its state stays {@link #START}, as it would have.
     */
    @SuppressWarnings("unchecked")
    public static void suspendOnTail(Object co, Object tail) {
        ((Coroutine<Object>) co).tail = (Future<Object>) tail;
    }

    // ---- Poll view, valid once complete ----

    @Override
    public final boolean isReady() {
        return state == DONE && failure == null;
    }

    @Override
    public final T value() {
        if (!isReady()) {
            throw new IllegalStateException("coroutine not complete");
        }
        return value;
    }
}
