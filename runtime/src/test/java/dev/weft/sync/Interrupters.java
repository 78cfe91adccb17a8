package dev.weft.sync;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Futures;
import dev.weft.Poll;
import dev.weft.internal.coroutine.Sneaky;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeoutException;

/**
 * Ways the stress tests give up on a waiting operation, as user code would: a race against a
 * future that is ready at its second poll (so the operation is cancelled right after it first
 * waited; when that future is polled first, a grant that arrived since is cancelled before the
 * operation sees it, which is the grant/cancel race), or a 1 ms timeout.
 */
final class Interrupters {

    private Interrupters() {}

    /** What a wrapped operation yields when it was given up on. */
    static final Object GAVE_UP = new Object();

    /** Pending once (waking itself), then ready with {@link #GAVE_UP}. */
    static Future<Object> yieldOnce() {
        return new Future<>() {
            private boolean yielded;

            @Override
            public Poll<Object> poll(Context cx) {
                if (yielded) {
                    return Poll.ready(GAVE_UP);
                }
                yielded = true;
                cx.waker().wake();
                return Poll.pending();
            }
        };
    }

    /**
     * {@code op} as is (most of the time), raced against {@link #yieldOnce()} (often), or under a
     * 1 ms timeout (rarely); ready with {@code op}'s value, or {@link #GAVE_UP} if it was
     * cancelled.
     */
    static Future<Object> maybeInterrupted(Future<?> op, SplittableRandom rnd) {
        int dice = rnd.nextInt(100);
        if (dice < 15) {
            return Futures.race(List.of(op, yieldOnce()));
        }
        if (dice < 30) { // the yield is polled first: a grant that arrived meanwhile is cancelled
            // unseen
            return Futures.race(List.of(yieldOnce(), op));
        }
        if (dice < 32) {
            // Async.timeout's future, without its declared TimeoutException (thrown by the await
            // only)
            return new TimeoutAsGaveUp(
                    new dev.weft.internal.future.Timeout<>(Duration.ofMillis(1), op));
        }
        return new TimeoutAsGaveUp(op);
    }

    /** Turns the TimeoutException of {@code Async.timeout} into {@link #GAVE_UP}. */
    private static final class TimeoutAsGaveUp implements Future<Object> {
        private final Future<?> inner;

        TimeoutAsGaveUp(Future<?> inner) {
            this.inner = inner;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Poll<Object> poll(Context cx) {
            try {
                return (Poll<Object>) inner.poll(cx);
            } catch (Throwable t) {
                if (t instanceof TimeoutException) {
                    return Poll.ready(GAVE_UP);
                }
                throw Sneaky.<RuntimeException>rethrow(t);
            }
        }

        @Override
        public void cancel() {
            inner.cancel();
        }
    }

    /** The two runtimes every stress test runs on. */
    static AsyncRuntime runtime(String kind) {
        return kind.equals("current-thread") ? AsyncRuntime.currentThread() : AsyncRuntime.create();
    }

    /** Drives {@code f} on {@code rt}, failing instead of hanging if a wake-up was lost. */
    static <T> T blockOnOrFail(AsyncRuntime rt, Future<T> f) {
        try {
            return rt.blockOn(Async.timeout(Duration.ofSeconds(60), f));
        } catch (Throwable t) {
            if (t instanceof TimeoutException) {
                throw new AssertionError("stuck for 60 s: a lost wake-up or a leaked grant", t);
            }
            throw Sneaky.<RuntimeException>rethrow(t);
        }
    }
}
