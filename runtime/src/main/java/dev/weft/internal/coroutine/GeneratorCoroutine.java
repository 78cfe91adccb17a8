package dev.weft.internal.coroutine;

import dev.weft.Generator;
import java.util.NoSuchElementException;

/**
 * The state object of one call of a generator method (declared return type
 * {@code dev.weft.Generator}). The weaver generates one subclass per generator method; its
 * {@link #resume} runs the woven body to the next {@code Generator.yield(x)}, which becomes:
 * store {@code x} into {@link #yielded}, save live locals, set {@link #state}, return
 * {@link #YIELDED}. Any other return ends the generator (the returned value is ignored).
 *
 * <p>Not thread-safe, like any Iterator.
 */
public abstract class GeneratorCoroutine<T> extends Generator<T> {

    /** The marker a woven generator body returns when it yielded. */
    public static final Object YIELDED =
            new Object() {
                @Override
                public String toString() {
                    return "YIELDED";
                }
            };

    /** Where the woven body resumes: 0 before the first run, k after yield point k, -1 when done. */
    public int state;

    /** The value of the latest yield, handed out by {@link #next()}. */
    public Object yielded;

    /** True when {@link #yielded} holds a value not yet returned by next(). */
    private boolean buffered;

    protected GeneratorCoroutine() {}

    /** Runs the woven body from {@link #state} to its next yield or its end. */
    protected abstract Object resume() throws Throwable;

    @Override
    public final boolean hasNext() {
        if (buffered) {
            return true;
        }
        if (state == Coroutine.DONE) {
            return false;
        }
        Object r;
        try {
            r = resume();
        } catch (Throwable t) {
            state = Coroutine.DONE;
            yielded = null;
            throw Sneaky.<RuntimeException>rethrow(t);
        }
        if (r == YIELDED) {
            buffered = true;
            return true;
        }
        state = Coroutine.DONE;
        yielded = null;
        return false;
    }

    @Override
    @SuppressWarnings("unchecked")
    public final T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("generator finished");
        }
        buffered = false;
        Object v = yielded;
        yielded = null;
        return (T) v;
    }
}
