package dev.weft.internal.coroutine;

import dev.weft.AsyncStream;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.internal.context.CancelSignal;
import dev.weft.internal.context.Contexts;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;

/**
 * The state object of one call of an async generator (declared return type
 * {@code dev.weft.AsyncStream}): the fourth coroutine kind, whose body may both await and yield.
 * The weaver generates one subclass per async generator method, as for the other kinds.
 *
 * <p>Implementation overview. The coroutine is the stream, the future {@link #hasNext()} returns
 * and that future's {@link Poll}, all at once: one object per stream, reused for every element,
 * so a generator whose awaits are ready allocates nothing per element. Each poll of the
 * {@code hasNext()} future runs the woven body from {@link #state} with the consumer's context,
 * until:
 * <ol>
 *   <li>a pending await: the body saved its locals and returned {@link Await#SUSPENDED}; the poll
 *       is pending, and the awaited leaf holds the consumer's waker, so the consumer's task is
 *       woken when the producer can go on;
 *   <li>a {@code Generator.yield(x)}: the body stored {@code x} into {@link #yielded} and returned
 *       {@link GeneratorCoroutine#YIELDED}; the poll is ready with {@code true}, and the body
 *       stays suspended after the yield until the consumer polls the next {@code hasNext()}
 *       (back-pressure: the producer never runs ahead of the consumer by more than one element);
 *   <li>its end (any other return value, ignored, as a Generator's): ready with {@code false};
 *   <li>a throw: the poll rethrows the original object, and so does every later one.
 * </ol>
 * A poll while an element is announced and not yet taken by {@link #next()} is ready with
 * {@code true} and runs nothing.
 *
 * <p>Cancellation (Kotlin's Flow and Rust's drop of a stream are the models: the producer's
 * cleanup runs when the consumer gives up, not at some later poll). {@link #cancel()} — which is
 * also the {@code cancel()} of the {@code hasNext()} future, so a consumer task cancelled while
 * it awaits {@code hasNext()} cancels the stream — resumes a started body at once with a cancelled
 * context: a pending await throws CancellationException ({@link Await#step}), and so does the
 * yield it is suspended at ({@link #resumed}), so its finally blocks run now, on the canceller's
 * thread; what the body throws then is dropped, as nobody awaits it. A body that never started
 * never runs. Afterwards every {@code hasNext()} fails with CancellationException. A stream that
 * is merely dropped, neither finished nor cancelled, never runs its finally blocks: Java has no
 * destructor to hook.
 *
 * <p>One consumer, one thread at a time, like any Iterator; fields are plain.
 */
public abstract class AsyncGeneratorCoroutine<T> extends Poll<Boolean>
        implements AsyncStream<T>, Future<Boolean> {

    /**
     * Where the woven body resumes: {@link Coroutine#START}, a suspension point's number (1..n,
     * awaits and yields numbered together), or {@link Coroutine#DONE}, never left.
     */
    public int state;

    /** The future the body is suspended on (as {@link Coroutine#awaiting}); null otherwise. */
    public Future<?> awaiting;

    /** The element of the latest yield until {@link #next()} takes it. */
    public Object yielded;

    /** True while {@link #yielded} holds an announced element not yet taken. */
    private boolean announced;

    /** The failure once {@link Coroutine#DONE} with one (CancellationException once cancelled). */
    private Throwable failure;

    protected AsyncGeneratorCoroutine() {}

    /**
     * Runs the woven body from {@link #state} to its next pending await, its next yield or its end.
     *
     * @return {@link Await#SUSPENDED}, {@link GeneratorCoroutine#YIELDED}, or anything else at the end
     */
    protected abstract Object resume(Context cx) throws Throwable;

    /**
     * What a woven yield runs when its body resumes after it, inside the user's try ranges: the
     * yield throws CancellationException when resumed by {@link #cancel()} (or by a cancelled
     * consumer), so that the body's finally blocks run.
     */
    public static void resumed(Context cx) {
        if (cx.isCancelled()) {
            throw new CancellationException("async generator cancelled at a yield");
        }
    }

    @Override
    public final Future<Boolean> hasNext() {
        return this;
    }

    @Override
    public final Poll<Boolean> poll(Context cx) {
        if (announced) {
            return this;
        }
        if (state == Coroutine.DONE) {
            if (failure != null) {
                throw Sneaky.<RuntimeException>rethrow(failure);
            }
            return this;
        }
        Object r;
        try {
            r = resume(cx);
        } catch (Throwable t) {
            finish(t);
            throw Sneaky.<RuntimeException>rethrow(t);
        }
        if (r == Await.SUSPENDED) {
            return Poll.pending();
        }
        if (r == GeneratorCoroutine.YIELDED) {
            announced = true;
        } else {
            finish(null);
        }
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public final T next() {
        if (!announced) {
            throw new NoSuchElementException(
                    state == Coroutine.DONE
                            ? "async generator finished"
                            : "next() without an element announced by await(hasNext())");
        }
        announced = false;
        Object v = yielded;
        yielded = null;
        return (T) v;
    }

    /**
     * The consumer gives up (see the class comment): runs a started body's finally blocks now;
     * idempotent; no effect once the body ended.
     */
    @Override
    public final void cancel() {
        if (state == Coroutine.DONE) {
            return;
        }
        announced = false;
        yielded = null;
        if (state != Coroutine.START) {
            Context cancelled = Contexts.withCancel(Context.of(() -> {}), CancelSignal.ALWAYS);
            try {
                // a body that catches the CancellationException may yield again: each resumption
                // throws again, until the body ends (a pending await throws as well)
                while (state != Coroutine.DONE && resume(cancelled) == GeneratorCoroutine.YIELDED) {
                    yielded = null;
                }
            } catch (Throwable ignored) {
                // the consumer gave up: the body's CancellationException, or what its finally
                // threw, has nobody to go to
            }
        }
        finish(new CancellationException("async generator cancelled"));
    }

    private void finish(Throwable t) {
        state = Coroutine.DONE;
        failure = t;
        awaiting = null;
        yielded = null;
        announced = false;
    }

    // ---- Poll view of the hasNext() future, read right after a ready poll ----

    @Override
    public final boolean isReady() {
        return announced || (state == Coroutine.DONE && failure == null);
    }

    @Override
    public final Boolean value() {
        if (!isReady()) {
            throw new IllegalStateException("hasNext() not complete");
        }
        return announced;
    }
}
