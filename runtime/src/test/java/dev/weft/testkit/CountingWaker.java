package dev.weft.testkit;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.Waker;
import java.util.concurrent.atomic.AtomicInteger;

/** A waker for manual polling that counts its wakes, plus a context bound to it. */
public final class CountingWaker implements Waker {

    private final AtomicInteger wakes = new AtomicInteger();

    /** A context whose waker is this one. */
    public final Context cx = Context.of(this);

    @Override
    public void wake() {
        wakes.incrementAndGet();
    }

    public int wakes() {
        return wakes.get();
    }

    /** True (and resets) if woken since the last call. */
    public boolean takeWoken() {
        return wakes.getAndSet(0) > 0;
    }

    public <T> Poll<T> poll(Future<T> f) {
        return f.poll(cx);
    }

    /** Polls {@code f}, which must be ready, and returns its value. */
    public <T> T ready(Future<T> f) {
        Poll<T> p = f.poll(cx);
        if (!p.isReady()) {
            throw new AssertionError("expected ready, was pending: " + f);
        }
        return p.value();
    }

    /** Polls {@code f}, which must be pending. */
    public void pending(Future<?> f) {
        if (f.poll(cx).isReady()) {
            throw new AssertionError("expected pending, was ready: " + f);
        }
    }
}
