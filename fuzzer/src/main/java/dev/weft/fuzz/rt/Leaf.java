package dev.weft.fuzz.rt;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.internal.coroutine.Sneaky;

/**
 * A leaf future whose outcome is known at creation. Woven runs poll it: it returns pending
 * {@code pendingPolls} times (queuing the waker with {@link L#defer}), then its value or its
 * failure. The reference run reads {@link #outcome()} directly.
 */
public final class Leaf<T> implements Future<T> {
    private final T value;
    private final Throwable failure;
    private int pendingPolls;

    Leaf(T value, Throwable failure, int pendingPolls) {
        this.value = value;
        this.failure = failure;
        this.pendingPolls = pendingPolls;
    }

    @Override
    public Poll<T> poll(Context cx) {
        if (pendingPolls > 0) {
            pendingPolls--;
            L.defer(cx.waker()::wake);
            return Poll.pending();
        }
        return Poll.ready(outcome());
    }

    /** The value, or the failure thrown as the original object. */
    public T outcome() {
        if (failure != null) {
            throw Sneaky.<RuntimeException>rethrow(failure);
        }
        return value;
    }
}
