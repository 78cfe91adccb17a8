package dev.weft.internal.context;

import dev.weft.Waker;

/**
 * An object that is at once the waker and the cancel signal of a {@link dev.weft.Context} and
 * knows its runtime: a task. {@code Contexts.create(s, s, s.contextRuntime())} then makes a
 * context holding only {@code s} (16 bytes instead of a context plus its three parts), which is
 * what keeps an idle task small.
 */
public interface ContextSource extends Waker, CancelSignal {

    /** The runtime the context's polls run on, or null; fixed for the object's lifetime. */
    RuntimeHandle contextRuntime();
}
