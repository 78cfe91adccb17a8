package dev.weft.internal.time;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.Waker;
import dev.weft.internal.future.Ready;
import java.time.Duration;

/**
 * {@code Async.sleep}: a leaf future that is its own timer entry (one object per sleep). The
 * duration counts from the first poll, like everything a lazy future does. The first poll arms
 * the timer on the driver of the polling context's runtime (or the fallback driver); later polls
 * only replace the waker; {@link #cancel()} disarms it in O(1).
 *
 * <p>Wake protocol: poll writes {@link #waker} then reads {@link #fired}; expiry writes
 * {@link #fired} then reads {@link #waker} (both volatile), so no wake is lost.
 */
public final class Sleep extends TimerEntry implements Future<Void> {

    private final long delayNanos;

    /** Where the timer is armed; set by the first poll (the polling thread only). */
    private TimerDriver driver;

    /** Set once the deadline passed; never unset. */
    private volatile boolean fired;

    /** The waker of the latest pending poll; null once cancelled. */
    private volatile Waker waker;

    public Sleep(Duration duration) {
        this.delayNanos = saturatedNanos(duration);
    }

    public static Future<Void> of(Duration duration) {
        return new Sleep(duration);
    }

    static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    @Override
    public Poll<Void> poll(Context cx) {
        if (fired) {
            return Ready.done();
        }
        waker = cx.waker();
        if (driver == null) {
            if (delayNanos <= 0) {
                fired = true;
                return Ready.done();
            }
            driver = TimerDriver.of(cx);
            if (!driver.register(this, delayNanos)) {
                fired = true;
                return Ready.done();
            }
        }
        return fired ? Ready.done() : Poll.pending();
    }

    @Override
    protected void expire() {
        fired = true;
        Waker w = waker;
        if (w != null) {
            w.wake();
        }
    }

    /** Disarms the timer; idempotent. */
    @Override
    public void cancel() {
        waker = null;
        if (driver != null) {
            driver.cancel(this);
        }
    }

    @Override
    public String toString() {
        return "Sleep[" + Duration.ofNanos(delayNanos) + (fired ? ", fired]" : "]");
    }
}
