package dev.weft;

import dev.weft.internal.coroutine.Await;
import dev.weft.internal.coroutine.Coroutine;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Small hand-written futures the tests compose (no weaving). */
final class TestFutures {

    private TestFutures() {}

    /** Pending (waking itself, like yieldNow) until {@code condition} holds. */
    static Future<Void> until(BooleanSupplier condition) {
        return cx -> {
            if (condition.getAsBoolean()) {
                return Poll.ready(null);
            }
            cx.waker().wake();
            return Poll.pending();
        };
    }

    /** Awaits {@link Async#yieldNow()} again and again until {@code condition} holds; ready with the number of yields. */
    static Future<Integer> yieldingUntil(BooleanSupplier condition) {
        return new Future<>() {
            private int yields;
            private Future<Void> current;

            @Override
            public Poll<Integer> poll(Context cx) {
                while (!condition.getAsBoolean()) {
                    if (current == null) {
                        current = Async.yieldNow();
                    }
                    if (!current.poll(cx).isReady()) {
                        return Poll.pending();
                    }
                    current = null;
                    yields++;
                }
                return Poll.ready(yields);
            }
        };
    }

    /** Sleeps {@code d}, then is ready with {@code value}. */
    static <T> Future<T> delayed(Duration d, T value) {
        return then(Async.sleep(d), () -> Future.ready(value));
    }

    /** Sleeps {@code d}, then fails with {@code error}. */
    static <T> Future<T> failing(Duration d, Throwable error) {
        return then(Async.sleep(d), () -> Future.failed(error));
    }

    /** {@code first}, then the future made by {@code next}: a hand-written two-state coroutine. */
    static <T> Future<T> then(Future<?> first, Supplier<Future<T>> next) {
        return new Coroutine<T>() {
            @Override
            protected Object resume(Context cx) {
                Object v = Await.step(first, cx);
                if (v == Await.SUSPENDED) {
                    state = 1;
                    awaiting = first;
                    return Await.SUSPENDED;
                }
                return next.get();
            }
        };
    }

    /**
     * What the weaver makes of {@code try { return await(f); } catch (CancellationException e)
     * { cleanup; throw e; }}: a hand-written coroutine that records its cleanup.
     */
    static final class Awaiting<T> extends Coroutine<T> {
        private final Future<T> awaited;
        volatile boolean cleanedUp;
        volatile boolean suspended;

        Awaiting(Future<T> awaited) {
            this.awaited = awaited;
        }

        @Override
        protected Object resume(Context cx) {
            try {
                Object v = Await.step(awaited, cx);
                if (v == Await.SUSPENDED) {
                    state = 1;
                    awaiting = awaited;
                    suspended = true;
                    return Await.SUSPENDED;
                }
                return Future.ready(v);
            } catch (CancellationException e) {
                cleanedUp = true;
                throw e;
            }
        }
    }
}
