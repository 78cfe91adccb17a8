package dev.weft;

import dev.weft.internal.coroutine.Sneaky;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written leaf future for tests: pending until {@link #complete} or {@link #fail} is
 * called (from any thread); counts its polls and cancels, and records the polls that overlapped
 * (which the one-poller rule forbids).
 */
final class ManualFuture<T> implements Future<T> {

    final AtomicInteger polls = new AtomicInteger();
    final AtomicInteger cancels = new AtomicInteger();
    final AtomicInteger concurrentPolls = new AtomicInteger();
    private final AtomicInteger inPoll = new AtomicInteger();

    private volatile Waker waker;
    private volatile boolean done;
    private T value;
    private Throwable error;

    @Override
    public Poll<T> poll(Context cx) {
        if (inPoll.incrementAndGet() != 1) {
            concurrentPolls.incrementAndGet();
        }
        try {
            polls.incrementAndGet();
            waker = cx.waker();
            if (!done) {
                return Poll.pending();
            }
            if (error != null) {
                throw Sneaky.<RuntimeException>rethrow(error);
            }
            return Poll.ready(value);
        } finally {
            inPoll.decrementAndGet();
        }
    }

    void complete(T v) {
        value = v;
        done = true;
        wakeNow();
    }

    void fail(Throwable t) {
        error = t;
        done = true;
        wakeNow();
    }

    private void wakeNow() {
        Waker w = waker;
        if (w != null) {
            w.wake();
        }
    }

    @Override
    public void cancel() {
        cancels.incrementAndGet();
    }
}
