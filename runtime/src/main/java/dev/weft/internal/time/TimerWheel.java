package dev.weft.internal.time;

import dev.weft.internal.metrics.DriverMetrics;

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
 * <p>Level 0 has two banks of 64 slots that take turns: {@link #current} holds the 64-tick
 * block of {@link #elapsed}, the other one the next block. Without it, the moment the wheel
 * enters a block would cascade that block's whole level-1 slot at once, and every timer due
 * then would wait behind it: 100,000 sleeps of 1-100 ms put about half of them into one
 * level-1 slot, re-placed in one go under the driver's lock while about a thousand timers a
 * millisecond were due. Instead, entries due in the next block go straight to the other bank,
 * and each {@link #advance} moves its share of the next block's level-1 slot there (the rest
 * of the block's ticks share the remainder), so entering a block is a swap of banks. A block
 * that starts a new level-1 range (every 4,096 ticks) still cascades from level 2 and up at
 * once, as does a block the driver reaches without advancing during the previous one.
 *
 * <p>Invariants: an occupied slot's start is after {@link #elapsed} (or equals it only while
 * {@link #advance} processes it); the current bank holds only ticks of the current block, the
 * other bank only ticks of the next one; on the top level, slots at or before the current one
 * hold entries of the next 2^36-tick block (they "wrap"), so the search for the next slot
 * starts after the current one; an entry is never returned as expired before
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

    /** Banks of 64 slots: 0 and 1 are level 0's (see {@link #current}), {@code 1 + L} is level L. */
    private static final int BANKS = LEVELS + 1;

    private static final long BLOCK_MASK = SLOTS - 1;

    /** Slot list heads, index {@code bank * SLOTS + slot}. */
    private final TimerEntry[] heads = new TimerEntry[BANKS * SLOTS];

    /** Entries per slot list (paces the moving of the next block's level-1 slot). */
    private final int[] counts = new int[BANKS * SLOTS];

    /** Bit {@code s} of {@code occupied[b]} set iff slot s of bank b is non-empty. */
    private final long[] occupied = new long[BANKS];

    /** The level-0 bank of the current block (0 or 1); {@code current ^ 1} is the next block's. */
    private int current;

    /** The current tick; only grows. */
    private long elapsed;

    /** Number of entries in slots. */
    private int size;

    /** Entries re-linked (moved ahead or cascaded) by the {@link #advance} in progress. */
    private int moved;

    /** Where each advance adds its {@link #moved}: the owning driver's counters. */
    private final DriverMetrics metrics;

    public TimerWheel() {
        this(new DriverMetrics());
    }

    public TimerWheel(DriverMetrics metrics) {
        this.metrics = metrics;
    }

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
        size++;
        return true;
    }

    /** Links {@code e} (deadline after {@link #elapsed}) into its slot for the current time. */
    private void place(TimerEntry e) {
        long d = e.deadline;
        long block = elapsed >>> SLOT_BITS;
        int i;
        if (d >>> SLOT_BITS == block) {
            i = current * SLOTS + (int) (d & BLOCK_MASK);
        } else if (d >>> SLOT_BITS == block + 1) {
            i = (current ^ 1) * SLOTS + (int) (d & BLOCK_MASK);
        } else if (d - elapsed >= SPAN) {
            // Beyond the horizon: the top level's farthest slot, whose start is < d; it is
            // re-inserted (not fired) when reached, because a cascade re-checks the deadline.
            int level = LEVELS - 1;
            i =
                    (1 + level) * SLOTS
                            + ((int) ((elapsed >>> (level * SLOT_BITS)) + SLOTS - 1) & (SLOTS - 1));
        } else {
            int level = levelFor(elapsed, d);
            i = (1 + level) * SLOTS + ((int) (d >>> (level * SLOT_BITS)) & (SLOTS - 1));
        }
        link(e, i);
    }

    private void link(TimerEntry e, int i) {
        TimerEntry h = heads[i];
        e.prev = null;
        e.next = h;
        if (h != null) {
            h.prev = e;
        }
        heads[i] = e;
        e.index = (short) i;
        counts[i]++;
        occupied[i >>> SLOT_BITS] |= 1L << i;
    }

    private void unlink(TimerEntry e) {
        int i = e.index;
        if (e.prev != null) {
            e.prev.next = e.next;
        } else {
            heads[i] = e.next;
        }
        if (e.next != null) {
            e.next.prev = e.prev;
        }
        if (--counts[i] == 0) {
            occupied[i >>> SLOT_BITS] &= ~(1L << i);
        }
        e.prev = null;
        e.next = null;
        e.index = -1;
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
        unlink(e);
        size--;
    }

    /**
     * The tick of the next slot to process: a lower bound on the earliest deadline (a
     * higher-level slot may only cascade). {@code Long.MAX_VALUE} when empty.
     */
    public long nextExpiration() {
        long occ = occupied[current];
        if (occ != 0) {
            return (elapsed & ~BLOCK_MASK) | Long.numberOfTrailingZeros(occ);
        }
        return nextBlockEvent();
    }

    /**
     * With the current block's bank empty: the start of the next block if its bank has entries,
     * or the next higher-level slot's start, whichever comes first; {@code Long.MAX_VALUE} if none.
     */
    private long nextBlockEvent() {
        long best = occupied[current ^ 1] != 0 ? (elapsed | BLOCK_MASK) + 1 : Long.MAX_VALUE;
        for (int level = 1; level < LEVELS; level++) {
            if (occupied[1 + level] != 0) {
                // entries of a lower level always expire before those of a higher one
                return Math.min(best, slotStart(level, nextSlot(level)));
            }
        }
        return best;
    }

    /**
     * The first occupied slot of {@code level} (1 and up) after the current one, cyclically. The
     * current slot comes last: below the top level it is never occupied (its range contains
     * {@link #elapsed}, so its entries would sit lower); on the top level it can only hold an
     * entry of the next 2^36 block (wrapped), which is the latest of all.
     */
    private int nextSlot(int level) {
        int from = ((int) (elapsed >>> (level * SLOT_BITS)) + 1) & (SLOTS - 1);
        long rotated = Long.rotateRight(occupied[1 + level], from);
        return (Long.numberOfTrailingZeros(rotated) + from) & (SLOTS - 1);
    }

    private long slotStart(int level, int slot) {
        long levelRange = 1L << ((level + 1) * SLOT_BITS);
        long start = (elapsed & -levelRange) + ((long) slot << (level * SLOT_BITS));
        // only the top level wraps (entries past a 2^36 boundary, or parked beyond the horizon)
        return start < elapsed ? start + levelRange : start;
    }

    /**
     * Moves time to {@code now}: fires or cascades every slot whose start is {@code <= now} and
     * returns the entries whose deadline passed, chained through {@link TimerEntry#next} in
     * deadline order (they are no longer in the wheel); then moves a share of the next block's
     * level-1 slot into its bank. {@code now} below {@link #elapsed} is ignored.
     */
    public TimerEntry advance(long now) {
        moved = 0;
        Expired out = new Expired();
        for (; ; ) {
            long occ = occupied[current];
            if (occ != 0) {
                long start = (elapsed & ~BLOCK_MASK) | Long.numberOfTrailingZeros(occ);
                if (start > now) {
                    break;
                }
                elapsed = start;
                collect(current * SLOTS + (int) (start & BLOCK_MASK), out);
                continue;
            }
            long event = nextBlockEvent();
            if (event > now) {
                break;
            }
            enterBlock(event, out);
        }
        if (now > elapsed) {
            // any block crossed here had both level-0 banks empty (else its start was an event)
            elapsed = now;
        }
        // this tick's share: the remainder spread over the block's ticks left, this one included
        moveAhead(SLOTS - (int) (elapsed & BLOCK_MASK));
        metrics.timerEntriesMoved(moved);
        return out.first;
    }

    /** Moves time to {@code start}, a block start: swaps level-0 banks, cascades what starts there. */
    private void enterBlock(long start, Expired out) {
        long nextBlock = (elapsed | BLOCK_MASK) + 1;
        if (start == nextBlock) {
            moveAhead(1);
            current ^= 1;
        }
        // else both level-0 banks are empty: start is a higher-level slot's, past the next block
        elapsed = start;
        for (int level = LEVELS - 1; level >= 1; level--) {
            if ((start & ((1L << (level * SLOT_BITS)) - 1)) == 0) {
                int i = (1 + level) * SLOTS + ((int) (start >>> (level * SLOT_BITS)) & (SLOTS - 1));
                if (heads[i] != null) {
                    collect(i, out);
                }
            }
        }
        int first = current * SLOTS + (int) (start & BLOCK_MASK);
        if (heads[first] != null) {
            collect(first, out);
        }
    }

    /** Empties slot list {@code i}: entries due by {@link #elapsed} to {@code out}, the rest re-placed. */
    private void collect(int i, Expired out) {
        TimerEntry e = heads[i];
        heads[i] = null;
        counts[i] = 0;
        occupied[i >>> SLOT_BITS] &= ~(1L << i);
        while (e != null) {
            TimerEntry n = e.next;
            e.prev = null;
            e.next = null;
            e.index = -1;
            if (e.deadline <= elapsed) {
                size--;
                out.add(e);
            } else {
                place(e);
                moved++;
            }
            e = n;
        }
    }

    /**
     * Moves {@code 1/shares} (rounded up) of the next block's level-1 slot into the next block's
     * level-0 bank (nothing when the next block starts a new level-1 range: its entries sit
     * higher, and cascade when it starts).
     */
    private void moveAhead(int shares) {
        long nextBlock = (elapsed >>> SLOT_BITS) + 1;
        if ((nextBlock & (SLOTS - 1)) == 0) {
            return;
        }
        int i = (1 + 1) * SLOTS + (int) (nextBlock & (SLOTS - 1));
        int limit = (counts[i] + shares - 1) / shares;
        int ahead = (current ^ 1) * SLOTS;
        for (int n = 0; n < limit; n++) {
            TimerEntry e = heads[i];
            if (e == null) {
                return;
            }
            unlink(e);
            link(e, ahead + (int) (e.deadline & BLOCK_MASK));
            moved++;
        }
    }

    /** The expired entries of one advance, in the order found. */
    private static final class Expired {
        TimerEntry first;
        TimerEntry last;

        void add(TimerEntry e) {
            if (last == null) {
                first = e;
            } else {
                last.next = e;
            }
            last = e;
        }
    }
}
