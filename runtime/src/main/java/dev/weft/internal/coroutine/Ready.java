package dev.weft.internal.coroutine;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.internal.context.Coop;

/**
 * An already-complete future that is its own poll result: polling it returns {@code this}, so
 * awaiting a ready future allocates nothing. A failed one throws its error from {@code poll}.
 * Each poll consumes one unit of the task's cooperative budget ({@link Coop}): once it is
 * spent, poll wakes the task and answers Pending, so a loop over ready futures yields.
 */
public final class Ready<T> extends Poll<T> implements Future<T> {

    private static final Ready<Void> DONE = new Ready<>(null, null);

    /** The value; meaningful when {@link #error} is null. */
    private final T value;

    /** The failure thrown by {@code poll}, or null for a value. */
    private final Throwable error;

    private Ready(T value, Throwable error) {
        this.value = value;
        this.error = error;
    }

    @SuppressWarnings("unchecked")
    public static <T> Ready<T> of(T value) {
        return value == null ? (Ready<T>) DONE : new Ready<>(value, null);
    }

    public static Ready<Void> done() {
        return DONE;
    }

    public static <T> Ready<T> failed(Throwable error) {
        if (error == null) {
            throw new NullPointerException("error");
        }
        return new Ready<>(null, error);
    }

    @Override
    public Poll<T> poll(Context cx) {
        if (!Coop.proceed(cx)) {
            return Poll.pending();
        }
        if (error != null) {
            throw Sneaky.<RuntimeException>rethrow(error);
        }
        return this;
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public T value() {
        if (error != null) {
            throw Sneaky.<RuntimeException>rethrow(error);
        }
        return value;
    }

    @Override
    public String toString() {
        return error != null ? "Future.failed(" + error + ")" : "Future.ready(" + value + ")";
    }
}
