package dev.weft.internal.time;

/** Test access to a bare {@link TimerWheel} from other packages (measurements). */
public final class TimerWheelProbe {

    private final TimerWheel wheel = new TimerWheel();

    public void insert(TimerEntry e, long deadline) {
        wheel.insert(e, deadline);
    }

    /** Advances one tick at a time up to {@code end}; returns how many entries fired. */
    public long advanceTickByTick(long end) {
        long fired = 0;
        for (long now = 1; now <= end; now++) {
            for (TimerEntry e = wheel.advance(now); e != null; ) {
                TimerEntry n = e.next;
                e.next = null;
                fired++;
                e = n;
            }
        }
        return fired;
    }

    /** Advances straight to {@code end}; returns how many entries fired. */
    public long advanceTo(long end) {
        long fired = 0;
        for (TimerEntry e = wheel.advance(end); e != null; ) {
            TimerEntry n = e.next;
            e.next = null;
            fired++;
            e = n;
        }
        return fired;
    }
}
