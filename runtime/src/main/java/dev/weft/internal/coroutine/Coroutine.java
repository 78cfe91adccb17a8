package dev.weft.internal.coroutine;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.internal.context.CancelSignal;
import dev.weft.internal.context.Contexts;
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
 *
 * <p>Resumption is a loop, not a recursion (issue 12, point 4; kotlinx-coroutines'
 * {@code BaseContinuationImpl.resumeWith} is the model). A lazy coroutine suspended on another
 * lazy coroutine (its {@link #awaiting} or its tail) forms a chain; the first poll builds it by
 * nested calls, as plain Java descends. Every later {@link #poll} of the chain's top:
 * <ol>
 *   <li>starts at the innermost coroutine of its last pending poll ({@link #innermost}), and
 *       follows the chain down from there to the coroutine that is still running and awaits
 *       something other than a lazy coroutine, linking each to the one above it
 *       ({@link #caller});
 *   <li>runs that coroutine once (its body, or its tail's poll): its body re-polls only what
 *       it awaits;
 *   <li>pending: remembers it as {@link #innermost} and returns pending. Done (a value, or a
 *       failure recorded as its outcome): moves to its caller and goes back to 1, where the
 *       caller's body re-polls the done coroutine (which returns its outcome at once) and
 *       continues, its catch and finally blocks included;
 *   <li>when the top itself is done, returns its outcome.
 * </ol>
 * So re-polling and completing a chain of any depth takes a constant amount of Java stack. A
 * poll of a coroutine in the middle of a chain (a combinator polling it, a nested first poll)
 * runs the same loop below that coroutine. Eager coroutines are never entered: they run
 * themselves under their own run word.
 */
public abstract class Coroutine<T> extends Poll<T>
        implements Future<T>, dev.weft.internal.dump.Awaited {

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

    /**
     * Where this coroutine's next poll starts: the innermost coroutine of its chain as of its last
     * pending poll, or null for this one. Cleared when a poll from above adopts this coroutine
     * into a longer chain.
     */
    private Coroutine<?> innermost;

    /**
     * The coroutine awaiting this one in the chain being driven; set by the walk down (step 1),
     * read when this one is done. Never cleared: a done coroutine is not walked again.
     */
    private Coroutine<?> caller;

    protected Coroutine() {}

    /**
     * Runs the woven body from {@link #state} to its next pending await or its end.
     *
     * @return {@link Await#SUSPENDED}, or the body's return value (a future or null)
     */
    protected abstract Object resume(Context cx) throws Throwable;

    @Override
    public final Poll<T> poll(Context cx) {
        return poll(this, cx) == Await.SUSPENDED ? Poll.pending() : this;
    }

    /**
     * Polls {@code f} once: its value, or {@link Await#SUSPENDED}; throws its failure as the
     * original object. A woven await site calls this (or {@link #enter} for a {@link #fresh}
     * coroutine), then {@link Await#cancelled} when it is pending. For a coroutine it is the loop
     * of the class comment, run in this one frame: a first poll that descends through it costs
     * three Java frames a level (this, the companion's resume, the body), one more than a site's
     * {@link #enter} (issue 12, point 4).
     */
    public static Object poll(Future<?> f, Context cx) {
        if (!(f instanceof Coroutine)) {
            Poll<?> p = f.poll(cx);
            return p.isReady() ? p.value() : Await.SUSPENDED;
        }
        Coroutine<?> top = (Coroutine<?>) f;
        if (top.state == DONE) {
            return top.outcomeValue();
        }
        Coroutine<?> cur = top.innermost == null ? top : top.innermost;
        int failedLevels = 0;
        for (; ; ) {
            cur = innermostBelow(cur);
            // Step 2, written out here rather than called: a first poll descends through this
            // frame, and one frame less per level is deeper recursion before an overflow.
            if (cur.state != DONE) {
                try {
                    Object v;
                    if (cur.tail == null) {
                        Object r = cur.resume(cx);
                        if (r == Await.SUSPENDED || r == null) {
                            v = r;
                        } else if (r instanceof Ready) {
                            v = ((Ready<?>) r).value();
                        } else {
                            cur.tail = cast(cur.toFuture(r));
                            v = poll(cur.tail, cx);
                            if (v == Await.SUSPENDED) {
                                Await.cancelled(cur.tail, cx);
                            }
                        }
                    } else {
                        v = poll(cur.tail, cx);
                        if (v == Await.SUSPENDED) {
                            Await.cancelled(cur.tail, cx);
                        }
                    }
                    if (v == Await.SUSPENDED) {
                        top.innermost = cur == top ? null : cur;
                        return Await.SUSPENDED;
                    }
                    cur.complete(cast(v));
                } catch (Throwable t) {
                    if (cur.state == DONE) {
                        throw Sneaky.<RuntimeException>rethrow(
                                t); // raised while publishing, not by the body
                    }
                    cur.fail(t);
                }
            }
            if (cur == top) {
                top.innermost = null;
                return top.outcomeValue();
            }
            if (cur.failure != null && failedLevels++ < AsyncFrames.MAX_LEVELS) {
                // a done coroutine's innermost is free: marks "add the caller's frames" (outcome)
                cur.innermost = cur;
            }
            cur = cur.caller;
        }
    }

    /**
     * {@code f} as a coroutine that an await site may {@link #enter} instead of polling: a lazy
     * state object (not eager) that was never polled. Returns before anything runs, so it adds no
     * depth to a descent; null for every other future, which the site polls.
     */
    public static Coroutine<?> fresh(Future<?> f) {
        if (f instanceof Coroutine && !(f instanceof EagerCoroutine)) {
            Coroutine<?> c = (Coroutine<?>) f;
            if (c.entering()) {
                return c;
            }
        }
        return null;
    }

    /**
     * The first poll of a {@link #fresh} coroutine, called by an await site: its value, or {@link
     * Await#SUSPENDED}; throws its failure as the original object. A lazy companion overrides it
     * to run its body itself between {@link #entering} and {@link #entered}, so a level of a
     * descent through state objects costs two Java frames (this and the body) instead of the
     * poll loop's three (issue 12, point 4). This default is the loop.
     */
    public Object enter(Context cx) {
        return poll(this, cx);
    }

    /**
     * Called by a companion's {@link #enter} before it runs the body: true when the body may run
     * in the companion's frame; false (the companion then runs the loop) when this coroutine was
     * polled since the site found it fresh.
     */
    protected final boolean entering() {
        return state == START && tail == null && innermost == null;
    }

    /**
     * Called by a companion's {@link #enter} after its body returned {@code returned} or threw
     * {@code thrown}: what the loop's first step would have made of it (the value, {@link
     * Await#SUSPENDED}, or the failure thrown).
     */
    protected final Object entered(Object returned, Throwable thrown, Context cx) {
        firstResumed(returned, thrown, cx);
        return state == DONE ? outcomeValue() : Await.SUSPENDED;
    }

    /**
     * What a first {@link #poll} does with the body's outcome, for a body that woven code ran
     * itself on this fresh coroutine (an eager method's direct start, see {@link
     * EagerCoroutine#startedDirect}): {@code returned} is what the body returned, or {@code thrown}
     * what it threw. Completes, fails or leaves this coroutine suspended exactly as the loop's
     * step 2 would; a failure is recorded (published by {@link #onComplete}), not rethrown. An
     * error raised while publishing is rethrown.
     */
    final void firstResumed(Object returned, Throwable thrown, Context cx) {
        try {
            if (thrown != null) {
                throw thrown;
            }
            Object v;
            if (returned == Await.SUSPENDED || returned == null) {
                v = returned;
            } else if (returned instanceof Ready) {
                v = ((Ready<?>) returned).value();
            } else {
                tail = cast(toFuture(returned));
                v = Await.step(tail, cx);
            }
            if (v != Await.SUSPENDED) {
                complete(cast(v));
            }
        } catch (Throwable t) {
            if (state == DONE) {
                throw Sneaky.<RuntimeException>rethrow(t); // raised while publishing
            }
            fail(t);
        }
    }

    /**
     * Step 1 of the loop: from {@code c} down the chain of lazy coroutines it awaits to the first
     * one that awaits something else (or that has just completed what it awaited).
     */
    private static Coroutine<?> innermostBelow(Coroutine<?> c) {
        for (; ; ) {
            Future<?> next = c.tail != null ? c.tail : c.awaiting;
            if (!(next instanceof Coroutine) || next instanceof EagerCoroutine) {
                return c;
            }
            Coroutine<?> n = (Coroutine<?>) next;
            if (n.state == DONE) {
                return c;
            }
            n.caller = c;
            n.innermost = null;
            c = n;
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

    private void complete(Object v) {
        value = cast(v);
        state = DONE;
        awaiting = null;
        tail = null;
        onComplete(value, null);
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

    /** The value once done, or the failure thrown (see {@link #outcome}). */
    private Object outcomeValue() {
        outcome();
        return value;
    }

    private Poll<T> outcome() {
        if (failure != null) {
            if (innermost == this) {
                innermost = null;
                AsyncFrames.addAwaiter(failure);
            }
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
        return Contexts.withCancel(Context.of(() -> {}), CancelSignal.ALWAYS);
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

    // ---- Task dumps (read from any thread, racing with the poller: diagnostics only) ----

    /**
     * The companion's line table, written by the weaver as one string constant (nothing runs
     * until a dump asks): {@code host;method;line1,line2,...;file}, where line k is the source
     * line of suspension point k (state k) and -1 means none was recorded; {@code file} is the
     * host's SourceFile, empty when it has none. Null for a companion woven without one.
     */
    protected String lineTable() {
        return null;
    }

    /**
     * Where this call is suspended, as {@code Class.method(File.java:line)} of its pending await
     * (or of the method, with "returning", when it awaits the future it returned). May be
     * inconsistent while another thread polls the call.
     */
    public final String suspendedAt() {
        int s = state;
        LineTables.Table t = LineTables.of(this);
        if (t == null) {
            return getClass().getName() + " state " + s;
        }
        if (s == DONE) {
            return t.method + " (complete)";
        }
        if (tail != null) {
            return t.method + "(" + t.file + ") returning";
        }
        if (s == START) {
            return t.method + "(" + t.file + ") not started";
        }
        return t.site(s);
    }

    /** What this call waits for now: the future it returned, or the one its pending await polls (or null). */
    public final Future<?> awaitedNow() {
        Future<?> t = tail;
        return t != null ? t : awaiting;
    }

    /** In a task dump, a woven frame is its suspension site. */
    @Override
    public final String describeAwait() {
        return suspendedAt();
    }

    /** In a task dump, the frame below this one (or its leaf); null once complete. */
    @Override
    public final Future<?> awaitedInside() {
        return state == DONE ? null : awaitedNow();
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
