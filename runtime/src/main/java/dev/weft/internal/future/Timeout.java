package dev.weft.internal.future;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.internal.coroutine.Sneaky;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

/**
 * {@code Async.timeout}: the inner future unless the limit elapses first. Each poll polls the
 * inner future first (so an inner future that is ready wins a tie), then the timer. Timer first:
 * the inner future is cancelled (a woven coroutine then runs its finally blocks) and this future
 * fails with TimeoutException. Inner first: the timer is disarmed.
 *
 * <p>The timeout is its own timer entry ({@link TimerLeaf}): armed by the first pending poll, so
 * a timeout over a future that is ready at once never touches the wheel, and one that is armed
 * costs no second object.
 *
 * <p>The child cancellation scope of API.md is the inner future's own cancel(): a coroutine
 * re-polls itself with a cancelled context, so its pending await cancels what it awaits.
 */
public final class Timeout<T> extends TimerLeaf
        implements Future<T>, dev.weft.internal.dump.Awaited {

    private final Duration limit;
    private final Future<T> inner;

    public Timeout(Duration limit, Future<T> inner) {
        this.limit = Objects.requireNonNull(limit, "limit");
        this.inner = Objects.requireNonNull(inner, "future");
    }

    @Override
    long delayNanos() {
        return saturatedNanos(limit);
    }

    @Override
    public Poll<T> poll(Context cx) {
        Poll<T> p;
        try {
            p = inner.poll(cx);
        } catch (Throwable t) {
            disarmTimer();
            throw Sneaky.<RuntimeException>rethrow(t);
        }
        if (p.isReady()) {
            disarmTimer();
            return p;
        }
        if (pollTimer(cx)) {
            inner.cancel();
            throw Sneaky.<RuntimeException>rethrow(
                    new TimeoutException("timed out after " + limit));
        }
        return Poll.pending();
    }

    @Override
    public String describeAwait() {
        String timer = timerState();
        return "Async.timeout("
                + limit
                + "), "
                + (timer.startsWith("fires") ? "expires" + timer.substring(5) : timer);
    }

    @Override
    public Future<?> awaitedInside() {
        return inner;
    }

    @Override
    public void cancel() {
        disarmTimer();
        inner.cancel();
    }
}
