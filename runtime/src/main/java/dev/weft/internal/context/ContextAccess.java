package dev.weft.internal.context;

import dev.weft.Context;
import dev.weft.Waker;

/**
 * The operations on {@link Context} that only weft's runtime uses, implemented inside Context
 * and reached through {@link Contexts} (the JDK's {@code SharedSecrets} pattern), so the public
 * class shows users only {@code of}, {@code waker} and {@code isCancelled}.
 */
public interface ContextAccess {

    /**
     * A task's context. When {@code waker} and {@code cancel} are one {@link ContextSource} on
     * {@code runtime}, the context holds only that object.
     */
    Context create(Waker waker, CancelSignal cancel, RuntimeHandle runtime);

    /** The runtime {@code cx}'s polls run on, or null. */
    RuntimeHandle runtime(Context cx);

    /** The cancellation signal of {@code cx}. */
    CancelSignal cancelSignal(Context cx);

    /** The same waker and runtime as {@code cx}, with a different cancellation signal. */
    Context withCancel(Context cx, CancelSignal signal);

    /** The same cancellation and runtime as {@code cx}, with a different waker. */
    Context withWaker(Context cx, Waker other);
}
