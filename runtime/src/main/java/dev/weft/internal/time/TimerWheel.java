package dev.weft.internal.time;

/**
 * A hierarchical timing wheel (Varghese &amp; Lauck, "Hashed and Hierarchical Timing Wheels",
 * SOSP 1987), laid out as Tokio's {@code runtime/time/wheel}: 6 levels of 64 slots, 1 tick =
 * 1 ms, so level {@code L} has slots of {@code 64^L} ticks and spans {@code 64^(L+1)} ticks;
 * the whole wheel spans 2^36 ms (about 2.2 years). Farther deadlines are parked in the last slot
 * of the top level and re-inserted when it comes round.
 *
 * <p>Implementation overview. {@link #elapsed} is the wheel's current tick. An entry with
 * deadline {@code d} lives on the level given by the highest bit in which {@code elapsed} and
 * {@code d} differ (divided by 6), in slot {@code (d >> 6L) & 63}: a level-0 slot holds one exact
 * tick, a higher slot a range that is cascaded (re-inserted one level lower or fired) when the
 * wheel reaches its start. Entries of a lower level always expire before those of a higher one,
 * so the next expiration is the first occupied slot (a 64-bit bitmap per level) of the lowest
 * non-empty level. Slots are intrusive doubly-linked lists of {@link TimerEntry}: remove is O(1).
 *
 * <p>Invariants: an occupied slot's start is after {@link #elapsed} (or equals it only while
 * {@link #advance} processes it); on the top level, slots at or before the current one hold
 * entries of the next 2^36-tick block (they "wrap"), so the search for the next slot starts
 * after the current one; an entry is never returned as expired before
 * {@code deadline <= elapsed}; expired entries come back in deadline order.
 *
 * <p>Not thread-safe: {@link TimerDriver} guards it with its lock.
 */
public final class TimerWheel {

    static final int LEVELS = 6;
    static final int SLOT_BITS = 6;
    static final int SLOTS = 1 << SLOT_BITS;

    /** Ticks the wheel spans from any {@link #elapsed}: 64^6 = 2^36. */
    static final long SPAN = 1L << (LEVELS * SLOT_BITS);

    /** Slot list heads, index {@code level * SLOTS + slot}. */
    private final TimerEntry[] heads = new TimerEntry[LEVELS * SLOTS];

    /** Bit {@code s} of {@code occupied[L]} set iff slot s of level L is non-empty. */
    private final long[] occupied = new long[LEVELS];

    /** The current tick; only grows. */
    private long elapsed;

    /** Number of entries in slots. */
    private int size;

    public long elapsed() {
        return elapsed;
    }

    public int size() {
        return size;
    }

    /**
     * Inserts {@code e} to expire at tick {@code deadline}.
     *
     * @return false, leaving {@code e} out, when {@code deadline <= elapsed} (already expired)
     */
    public boolean insert(TimerEntry e, long deadline) {
        if (e.isLinked()) {
            throw new IllegalStateException("timer entry already in the wheel");
        }
        if (deadline <= elapsed) {
            return false;
        }
        e.deadline = deadline;
        place(e);
        return true;
    }

    private void place(TimerEntry e) {
        long d = e.deadline;
        int level;
        int slot;
        if (d - elapsed >= SPAN) {
            // Beyond the horizon: the top level's farthest slot, whose start is < d; it is
            // re-inserted (not fired) when reached, because advance re-checks the deadline.
            level = LEVELS - 1;
            slot = (int) ((elapsed >>> (level * SLOT_BITS)) + SLOTS - 1) & (SLOTS - 1);
        } else {
            level = levelFor(elapsed, d);
            slot = (int) (d >>> (level * SLOT_BITS)) & (SLOTS - 1);
        }
        int i = level * SLOTS + slot;
        TimerEntry h = heads[i];
        e.prev = null;
        e.next = h;
        if (h != null) {
            h.prev = e;
        }
        heads[i] = e;
        e.level = (byte) level;
        e.slot = (byte) slot;
        occupied[level] |= 1L << slot;
        size++;
    }

    /** Highest differing bit between now and the deadline, as a level (Tokio's level_for). */
    static int levelFor(long elapsed, long deadline) {
        long masked = (elapsed ^ deadline) | (SLOTS - 1);
        if (masked >= SPAN) {
            masked = SPAN - 1;
        }
        int significant = 63 - Long.numberOfLeadingZeros(masked);
        return significant / SLOT_BITS;
    }

    /** Removes {@code e} if it is in a slot; O(1). */
    public void remove(TimerEntry e) {
        if (!e.isLinked()) {
            return;
        }
        int i = e.level * SLOTS + e.slot;
        if (e.prev != null) {
            e.prev.next = e.next;
        } else {
            heads[i] = e.next;
        }
        if (e.next != null) {
            e.next.prev = e.prev;
        }
        if (heads[i] == null) {
            occupied[e.level] &= ~(1L << e.slot);
        }
        e.prev = null;
        e.next = null;
        e.level = -1;
        size--;
    }

    /**
     * The tick of the next slot to process: a lower bound on the earliest deadline (a
     * higher-level slot may only cascade). {@code Long.MAX_VALUE} when empty.
     */
    public long nextExpiration() {
        for (int level = 0; level < LEVELS; level++) {
            if (occupied[level] != 0) {
                return slotStart(level, nextSlot(level));
            }
        }
        return Long.MAX_VALUE;
    }

    /**
     * The first occupied slot after the current one, cyclically. The current slot comes last:
     * below the top level it is never occupied (its range contains {@link #elapsed}, so its
     * entries would sit lower); on the top level it can only hold an entry of the next 2^36
     * block (wrapped), which is the latest of all.
     */
    private int nextSlot(int level) {
        int from = ((int) (elapsed >>> (level * SLOT_BITS)) + 1) & (SLOTS - 1);
        long rotated = Long.rotateRight(occupied[level], from);
        return (Long.numberOfTrailingZeros(rotated) + from) & (SLOTS - 1);
    }

    private long slotStart(int level, int slot) {
        long levelRange = 1L << ((level + 1) * SLOT_BITS);
        long start = (elapsed & -levelRange) + ((long) slot << (level * SLOT_BITS));
        // only the top level wraps (entries past a 2^36 boundary, or parked beyond the horizon)
        return start < elapsed ? start + levelRange : start;
    }

    /**
     * Moves time to {@code now}: cascades every slot whose start is {@code <= now} and returns
     * the entries whose deadline passed, chained through {@link TimerEntry#next} in deadline
     * order (they are no longer in the wheel). {@code now} below {@link #elapsed} is ignored.
     */
    public TimerEntry advance(long now) {
        TimerEntry firstFired = null;
        TimerEntry lastFired = null;
        for (;;) {
            int level = 0;
            while (level < LEVELS && occupied[level] == 0) {
                level++;
            }
            if (level == LEVELS) {
                break;
            }
            int slot = nextSlot(level);
            long start = slotStart(level, slot);
            if (start > now) {
                break;
            }
            int i = level * SLOTS + slot;
            TimerEntry e = heads[i];
            heads[i] = null;
            occupied[level] &= ~(1L << slot);
            elapsed = start;
            while (e != null) {
                TimerEntry n = e.next;
                e.prev = null;
                e.next = null;
                e.level = -1;
                size--;
                if (e.deadline <= elapsed) {
                    if (lastFired == null) {
                        firstFired = e;
                    } else {
                        lastFired.next = e;
                    }
                    lastFired = e;
                } else {
                    place(e);
                }
                e = n;
            }
        }
        if (now > elapsed) {
            elapsed = now;
        }
        return firstFired;
    }
}
