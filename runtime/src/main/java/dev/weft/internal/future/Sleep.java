package dev.weft.internal.future;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.internal.coroutine.Ready;
import java.time.Duration;

/**
 * {@code Async.sleep}: a leaf future that is its own timer entry (one object per sleep). The
 * duration counts from the first poll, like everything a lazy future does. The first poll arms
 * the timer on the driver of the polling context's runtime (or the fallback driver); later polls
 * only replace the waker; {@link #cancel()} disarms it in O(1). The protocol is
 * {@link TimerLeaf}'s.
 */
public final class Sleep extends TimerLeaf implements Future<Void>, dev.weft.internal.dump.Awaited {

    private final long delayNanos;

    public Sleep(Duration duration) {
        this.delayNanos = saturatedNanos(duration);
    }

    public static Future<Void> of(Duration duration) {
        return new Sleep(duration);
    }

    @Override
    long delayNanos() {
        return delayNanos;
    }

    @Override
    public Poll<Void> poll(Context cx) {
        return pollTimer(cx) ? Ready.done() : Poll.pending();
    }

    /** Disarms the timer; idempotent. */
    @Override
    public void cancel() {
        disarmTimer();
    }

    @Override
    public String describeAwait() {
        return "Async.sleep(" + Duration.ofNanos(delayNanos) + "), " + timerState();
    }

    @Override
    public String toString() {
        return "Sleep[" + Duration.ofNanos(delayNanos) + (hasFired() ? ", fired]" : "]");
    }
}
