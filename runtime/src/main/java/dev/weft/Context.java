package dev.weft;

import dev.weft.internal.context.CancelSignal;
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

    /** The task's waker; stable for the task's lifetime. */
    private final Waker waker;

    /** Where cancellation is read from; {@link CancelSignal#NEVER} for hand-made contexts. */
    private final CancelSignal cancel;

    /** The runtime whose timers and pools leaf futures use; null outside any runtime. */
    private final RuntimeHandle runtime;

    private Context(Waker waker, CancelSignal cancel, RuntimeHandle runtime) {
        this.waker = Objects.requireNonNull(waker, "waker");
        this.cancel = cancel;
        this.runtime = runtime;
    }

    /**
     * A context for polling by hand (tests, manual polling as in the seed): never cancelled, and
     * bound to the runtime of the current thread if it is a runtime thread, otherwise to none
     * (timers then use weft's shared fallback timer thread).
     */
    public static Context of(Waker waker) {
        return new Context(waker, CancelSignal.NEVER, RuntimeHandle.current());
    }

    /** Internal: a task's context. */
    public static Context create(Waker waker, CancelSignal cancel, RuntimeHandle runtime) {
        return new Context(waker, cancel, runtime);
    }

    /** The waker to register when returning pending. */
    public Waker waker() {
        return waker;
    }

    /** True when the task, or the enclosing timeout/race scope, was cancelled. */
    public boolean isCancelled() {
        return cancel.isCancelled();
    }

    /** Internal: the runtime this poll runs on, or null. */
    public RuntimeHandle runtime() {
        return runtime;
    }

    /** Internal: the same waker and runtime, with a different cancellation signal. */
    public Context withCancel(CancelSignal signal) {
        return new Context(waker, signal, runtime);
    }

    /** Internal: the same cancellation and runtime, with a different waker. */
    public Context withWaker(Waker other) {
        return new Context(other, cancel, runtime);
    }

    /** Internal: the cancellation signal of this context. */
    public CancelSignal cancelSignal() {
        return cancel;
    }
}
