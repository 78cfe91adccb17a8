package dev.weft.internal.future;

import dev.weft.Context;
import dev.weft.Waker;
import dev.weft.internal.context.Coop;
import dev.weft.internal.context.RuntimeHandle;
import dev.weft.internal.context.WorkerThread;
import dev.weft.internal.time.TimerBatch;
import dev.weft.internal.time.TimerDriver;
import dev.weft.internal.time.TimerEntry;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;

/**
 * The timer half of a leaf future that is its own wheel entry: {@link Sleep} and
 * {@link Timeout} extend it, so arming a timer allocates nothing beyond the future itself.
 *
 * <p>Arm/fire/cancel protocol:
 * <ol>
 *   <li>the first {@link #pollTimer} stores the waker with a plain write and registers the entry;
 *       registration publishes the entry to the driving thread (under the driver's lock), and
 *       the driving thread reads {@link #waker} only after finding the entry, so the plain write
 *       is visible to it without a fence of its own. On a worker, polled by the worker's own
 *       task, registration waits in the worker's {@link TimerBatch} until that poll ends (same
 *       thread, so the same holds);
 *   <li>a later poll with the same waker writes nothing (it only reads {@link #fired}); with a
 *       different waker it writes it volatile and then re-reads {@link #fired}, while
 *       {@link #expire} writes {@link #fired} and then reads {@link #waker} (both volatile): one
 *       of the two sees the other, so no wake is lost;
 *   <li>{@link #disarmTimer} clears the waker (release) and removes the entry; a concurrent
 *       expiry may still deliver one wake, which wakers tolerate.
 * </ol>
 * The delay counts from the first poll (a lazy future does nothing before). A fired (or
 * non-positive) timer completes as a leaf operation: it spends one unit of the task's
 * cooperative budget ({@link Coop}), so a loop over zero sleeps still yields.
 */
abstract class TimerLeaf extends TimerEntry {

    private static final VarHandle WAKER;

    static {
        try {
            WAKER = MethodHandles.lookup().findVarHandle(TimerLeaf.class, "waker", Waker.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Where the timer is armed; set by the first poll (the polling thread only). */
    private TimerDriver driver;

    /** Set once the deadline passed (or at the first poll of a non-positive delay); never unset. */
    private volatile boolean fired;

    /** The waker of the latest pending poll; null once disarmed. See the class comment for why some writes are plain. */
    private volatile Waker waker;

    /** The delay in nanoseconds; asked once, at the first poll. */
    abstract long delayNanos();

    /**
     * Polls the timer: true once it has fired. The first call arms it on the polling context's
     * driver; false means pending with {@code cx}'s waker registered (or, when the cooperative
     * budget is spent, already woken).
     */
    final boolean pollTimer(Context cx) {
        if (fired) {
            return Coop.proceed(cx);
        }
        Waker w = cx.waker();
        if (driver == null) {
            long delay = delayNanos();
            if (delay <= 0) {
                if (!Coop.proceed(cx)) {
                    return false;
                }
                fired = true;
                return true;
            }
            WAKER.set(this, w);
            driver = RuntimeHandle.timersOf(cx);
            if (Thread.currentThread() instanceof WorkerThread c
                    && c.isPolling(w)
                    && c.timers.offer(driver, this, delay)) {
                return false; // armed when this poll of the worker's task ends (TimerBatch)
            }
            if (!driver.register(this, delay)) {
                fired = true;
                return Coop.proceed(cx);
            }
            return false;
        }
        if (WAKER.get(this) != w) {
            waker = w;
            if (fired) {
                return Coop.proceed(cx);
            }
        }
        return false;
    }

    /**
     * For task dumps, any thread: {@code fires in 4.871s}, {@code fired} or {@code not armed yet}.
     * The deadline is read without the driver's lock; a torn view only misstates a diagnostic.
     */
    final String timerState() {
        if (fired) {
            return "fired";
        }
        TimerDriver d = driver;
        if (d == null || !isLinked()) {
            return "not armed yet";
        }
        long nanos = d.nanosUntil(deadlineTick());
        return "fires in "
                + dev.weft.internal.dump.DumpFormat.seconds(
                        java.time.Duration.ofNanos(Math.max(0, nanos)));
    }

    @Override
    protected final void expire() {
        fired = true;
        Waker w = waker;
        if (w != null) {
            w.wake();
        }
    }

    /** Disarms the timer; idempotent. */
    final void disarmTimer() {
        if (driver != null) {
            WAKER.setRelease(this, (Waker) null);
            driver.cancel(this);
        }
    }

    final boolean hasFired() {
        return fired;
    }

    static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
