package dev.weft.internal.time;

/**
 * A node of a {@link TimerWheel} slot list: intrusive, so inserting allocates nothing and
 * removal is O(1). Leaf futures extend it ({@link Sleep} is its own entry).
 *
 * <p>All fields are guarded by the owning driver's lock (the wheel itself is single-threaded).
 */
public class TimerEntry {

    /** Absolute deadline in wheel ticks (ms); the entry never fires before the wheel reaches it. */
    long deadline;

    /** Slot list links; {@link #next} also chains entries the wheel hands back as expired. */
    TimerEntry prev;

    TimerEntry next;

    /**
     * Where the entry is: {@code bank * 64 + slot} in the wheel's slot lists (see TimerWheel),
     * or -1 when it is in no slot. A short, not an int: it fits in the gap after the object
     * header, so a timer leaf is 48 bytes.
     */
    short index = -1;

    /** Called by the driver, outside its lock, once the deadline passed. */
    protected void expire() {}

    /** The deadline in ticks, as last registered. */
    public final long deadlineTick() {
        return deadline;
    }

    public final boolean isLinked() {
        return index >= 0;
    }
}
