package dev.weft.internal.time;

import java.util.concurrent.locks.LockSupport;

/**
 * A thread that drives one {@link TimerDriver}: fire, park until the next expiration, repeat.
 * Multi-threaded runtimes own one (the reactor issue merges it with the selector thread); one
 * shared daemon instance, {@link #fallback()}, serves futures polled outside any runtime (manual
 * polling, eager coroutines on plain threads), as kotlinx-coroutines' DefaultExecutor does.
 */
public final class TimerThread {

    private final TimerDriver driver;
    private final Thread thread;

    /** Set once by {@link #stop()}; the loop exits at its next turn. */
    private volatile boolean stopped;

    public TimerThread(String name, Clock clock) {
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
        this.driver = new TimerDriver(clock, () -> LockSupport.unpark(thread));
    }

    public TimerThread start() {
        thread.start();
        return this;
    }

    public TimerDriver driver() {
        return driver;
    }

    private void loop() {
        while (!stopped) {
            long nanos = driver.fireExpired();
            if (stopped) {
                break;
            }
            if (nanos == Long.MAX_VALUE) {
                LockSupport.park(this);
            } else if (nanos > 0) {
                LockSupport.parkNanos(this, nanos);
            }
        }
    }

    /** Stops the thread and waits (bounded) for it to end; armed timers never fire. */
    public void stop(long waitMillis) {
        stopped = true;
        LockSupport.unpark(thread);
        if (Thread.currentThread() != thread) {
            try {
                thread.join(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public Thread thread() {
        return thread;
    }

    /** The shared fallback driver, started on first use; daemon, never stopped. */
    public static TimerDriver fallback() {
        return Fallback.INSTANCE.driver;
    }

    /** Lazy holder: the fallback thread starts only when something outside a runtime sleeps. */
    private static final class Fallback {
        static final TimerThread INSTANCE = new TimerThread("weft-timer-fallback", Clock.SYSTEM).start();
    }
}
