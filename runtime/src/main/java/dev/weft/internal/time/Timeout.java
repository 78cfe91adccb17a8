package dev.weft.internal.time;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.internal.coroutine.Sneaky;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * {@code Async.timeout}: the inner future unless the limit elapses first. Each poll polls the
 * inner future first (so an inner future that is ready wins a tie), then the timer. Timer first:
 * the inner future is cancelled (a woven coroutine then runs its finally blocks) and this future
 * fails with TimeoutException. Inner first: the timer is disarmed.
 *
 * <p>The child cancellation scope of API.md is the inner future's own cancel(): a coroutine
 * re-polls itself with a cancelled context, so its pending await cancels what it awaits.
 */
public final class Timeout<T> implements Future<T> {

    private final Duration limit;
    private final Future<T> inner;

    /** Armed by the first pending poll. */
    private Sleep timer;

    public Timeout(Duration limit, Future<T> inner) {
        this.limit = java.util.Objects.requireNonNull(limit, "limit");
        this.inner = java.util.Objects.requireNonNull(inner, "future");
    }

    @Override
    public Poll<T> poll(Context cx) {
        Poll<T> p;
        try {
            p = inner.poll(cx);
        } catch (Throwable t) {
            disarm();
            throw Sneaky.<RuntimeException>rethrow(t);
        }
        if (p.isReady()) {
            disarm();
            return p;
        }
        if (timer == null) {
            timer = new Sleep(limit);
        }
        if (timer.poll(cx).isReady()) {
            inner.cancel();
            throw Sneaky.<RuntimeException>rethrow(new TimeoutException("timed out after " + limit));
        }
        return Poll.pending();
    }

    private void disarm() {
        if (timer != null) {
            timer.cancel();
        }
    }

    @Override
    public void cancel() {
        disarm();
        inner.cancel();
    }
}
