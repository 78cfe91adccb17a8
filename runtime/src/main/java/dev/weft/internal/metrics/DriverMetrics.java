package dev.weft.internal.metrics;

import java.nio.channels.Selector;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one runtime's driver (its selector and its timer wheel) has done so far. Owned by the
 * driver, which records into it; anyone may read it at any time.
 *
 * <p>Who records what: {@link #wokeDriver} runs on whichever thread unparks the driver, and
 * {@link #registered}/{@link #interestUpdated} on whichever thread arms a channel, so those are
 * {@code LongAdder}s; {@link #timerEntriesMoved(int)} runs once per wheel advance under the timer
 * driver's lock, so it is a plain field (a reader on another thread may see a stale value). The
 * two selector gauges are read from the selector itself, recorded once by {@link #selectorOpened}.
 */
public final class DriverMetrics {

    /** Unparks that found the driver waiting and woke it. */
    private final LongAdder wakeups = new LongAdder();

    /** Interest-set changes after registration, each one an epoll_ctl at the next select. */
    private final LongAdder interestUpdates = new LongAdder();

    /** Channels ever registered with the selector. */
    private final LongAdder registrations = new LongAdder();

    /** Timer entries re-linked (moved ahead or cascaded); guarded by the timer driver's lock. */
    private long timerEntriesMoved;

    /** The driver's selector once opened (never replaced), or null. */
    private volatile Selector selector;

    /** Records an unpark that found the driver waiting and woke it. */
    public void wokeDriver() {
        wakeups.increment();
    }

    /** Records an interest-set change of an already registered key. */
    public void interestUpdated() {
        interestUpdates.increment();
    }

    /** Records a channel's registration with the selector. */
    public void registered() {
        registrations.increment();
    }

    /** Adds the entries one wheel advance moved between slots (the owner of the wheel only). */
    public void timerEntriesMoved(int moved) {
        timerEntriesMoved += moved;
    }

    /** Records the driver's selector, opened on first use, so the gauges below can read it. */
    public void selectorOpened(Selector s) {
        selector = s;
    }

    /** How many unparks found the driver waiting and woke it. */
    public long wakeups() {
        return wakeups.sum();
    }

    /**
     * Interest-set changes of registered keys (adds by arm, drops by the driver). NIO applies a
     * change at the next select; one that is undone before then costs no epoll_ctl, so this is an
     * upper bound on them.
     */
    public long interestUpdates() {
        return interestUpdates.sum();
    }

    /** How many channels have registered with the selector so far. */
    public long registrations() {
        return registrations.sum();
    }

    /** Timer entries moved between wheel slots so far: the wheel's work besides firing. */
    public long timerEntriesMoved() {
        return timerEntriesMoved;
    }

    /** Keys registered with the selector now, cancelled ones included until the next select. */
    public int keyCount() {
        Selector s = selector;
        return s == null || !s.isOpen() ? 0 : s.keys().size();
    }

    /** Whether a selector is open (it holds an epoll descriptor until the runtime closes). */
    public boolean selectorOpen() {
        Selector s = selector;
        return s != null && s.isOpen();
    }
}
