package dev.weft.agent.testkit;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Leaf futures for the samples. In ready mode they are {@code Future.ready}; in pending mode each
 * is pending on its first poll (waking the waker at once) and ready on the second, so every
 * await suspends exactly once.
 */
public final class Leaf {

    /** The mode of leaves created from now on. */
    public static volatile boolean pending;

    /** Pending results returned so far (suspensions forced). */
    public static final AtomicLong suspensions = new AtomicLong();

    private Leaf() {}

    public static <T> Future<T> of(T value) {
        return pending ? new PendingOnce<>(value, null) : Future.ready(value);
    }

    public static <T> Future<T> fail(Throwable error) {
        return pending ? new PendingOnce<>(null, error) : Future.failed(error);
    }

    private static final class PendingOnce<T> implements Future<T> {
        private final T value;
        private final Throwable error;
        private boolean polled;

        PendingOnce(T value, Throwable error) {
            this.value = value;
            this.error = error;
        }

        @Override
        public Poll<T> poll(Context cx) {
            if (!polled) {
                polled = true;
                suspensions.incrementAndGet();
                cx.waker().wake();
                return Poll.pending();
            }
            if (error != null) {
                throw Leaf.<RuntimeException>sneaky(error);
            }
            return Poll.ready(value);
        }
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
