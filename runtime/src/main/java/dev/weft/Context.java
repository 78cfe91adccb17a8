package dev.weft;

import dev.weft.internal.context.CancelSignal;
import dev.weft.internal.context.ContextSource;
import dev.weft.internal.context.RuntimeHandle;
import java.util.Objects;

/**
 * What a poll receives from its executor: the task's {@link Waker}, its cancellation flag and
 * the runtime it runs on.
 *
 * <p>One context per task, reused across polls; combinators that open a cancellation scope
 * ({@code timeout}, {@code race}) derive a child context with {@link #withCancel}.
 */
public final class Context {

    /**
     * Where the waker, the cancellation flag and the runtime come from: a task (a
     * {@link ContextSource}, which is its own waker and cancel signal) or, for every other
     * context, a {@link Parts}. One field keeps a task's context at 16 bytes.
     */
    private final Object source;

    /** The three parts of a context that is not a task's own. */
    private static final class Parts {
        final Waker waker;
        final CancelSignal cancel;
        final RuntimeHandle runtime;

        Parts(Waker waker, CancelSignal cancel, RuntimeHandle runtime) {
            this.waker = Objects.requireNonNull(waker, "waker");
            this.cancel = cancel;
            this.runtime = runtime;
        }
    }

    private Context(Object source) {
        this.source = source;
    }

    /**
     * A context for polling by hand (tests, manual polling as in the seed): never cancelled, and
     * bound to the runtime of the current thread if it is a runtime thread, otherwise to none
     * (timers then use weft's shared fallback timer thread).
     */
    public static Context of(Waker waker) {
        return new Context(new Parts(waker, CancelSignal.NEVER, RuntimeHandle.current()));
    }

    /**
     * Internal: a task's context. When {@code waker} and {@code cancel} are one
     * {@link ContextSource} on {@code runtime}, the context holds only that object.
     */
    public static Context create(Waker waker, CancelSignal cancel, RuntimeHandle runtime) {
        if (waker == cancel && waker instanceof ContextSource
                && ((ContextSource) waker).contextRuntime() == runtime) {
            return new Context(waker);
        }
        return new Context(new Parts(waker, cancel, runtime));
    }

    /** The waker to register when returning pending. */
    public Waker waker() {
        Object s = source;
        return s instanceof Parts ? ((Parts) s).waker : (Waker) s;
    }

    /** True when the task, or the enclosing timeout/race scope, was cancelled. */
    public boolean isCancelled() {
        return cancelSignal().isCancelled();
    }

    /** Internal: the runtime this poll runs on, or null. */
    public RuntimeHandle runtime() {
        Object s = source;
        return s instanceof Parts ? ((Parts) s).runtime : ((ContextSource) s).contextRuntime();
    }

    /** Internal: the same waker and runtime, with a different cancellation signal. */
    public Context withCancel(CancelSignal signal) {
        return new Context(new Parts(waker(), signal, runtime()));
    }

    /** Internal: the same cancellation and runtime, with a different waker. */
    public Context withWaker(Waker other) {
        return new Context(new Parts(other, cancelSignal(), runtime()));
    }

    /** Internal: the cancellation signal of this context. */
    public CancelSignal cancelSignal() {
        Object s = source;
        return s instanceof Parts ? ((Parts) s).cancel : (CancelSignal) s;
    }
}
