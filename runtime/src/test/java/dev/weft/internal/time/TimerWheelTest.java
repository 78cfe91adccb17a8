package dev.weft.internal.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.internal.metrics.DriverMetrics;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimerWheelTest {

    /** An entry that remembers whether, and at which wheel time, it fired. */
    private static final class Entry extends TimerEntry {
        long firedAt = -1;
        boolean cancelled;
    }

    @Test
    void levelsFollowTheHighestDifferingBit() {
        assertEquals(0, TimerWheel.levelFor(0, 63));
        assertEquals(1, TimerWheel.levelFor(0, 64));
        assertEquals(1, TimerWheel.levelFor(63, 64));
        assertEquals(2, TimerWheel.levelFor(0, 64 * 64));
        assertEquals(5, TimerWheel.levelFor(0, (1L << 36) - 1));
        assertEquals(5, TimerWheel.levelFor(0, 1L << 40));
    }

    @Test
    void anEntryFiresAtItsTickNotBefore() {
        TimerWheel w = new TimerWheel();
        Entry e = new Entry();
        assertTrue(w.insert(e, 5000));
        assertNull(w.advance(4999));
        assertSame(e, w.advance(5000));
        assertEquals(0, w.size());
        assertFalse(w.insert(new Entry(), 5000), "a deadline already reached is refused");
    }

    @Test
    void removeIsImmediate() {
        TimerWheel w = new TimerWheel();
        Entry a = new Entry();
        Entry b = new Entry();
        Entry c = new Entry();
        w.insert(a, 100);
        w.insert(b, 100);
        w.insert(c, 100);
        w.remove(b);
        w.remove(b);
        assertEquals(2, w.size());
        TimerEntry fired = w.advance(100);
        int n = 0;
        for (TimerEntry e = fired; e != null; e = e.next) {
            assertTrue(e != b);
            n++;
        }
        assertEquals(2, n);
        assertEquals(Long.MAX_VALUE, w.nextExpiration());
    }

    @Test
    void beyondTheHorizonIsReinsertedNotFiredEarly() {
        TimerWheel w = new TimerWheel();
        Entry far = new Entry();
        long deadline = 5 * TimerWheel.SPAN + 12345;
        w.insert(far, deadline);
        long now = 0;
        while (now < deadline - 1) {
            now = Math.min(w.nextExpiration(), deadline - 1);
            assertNull(w.advance(now));
        }
        assertSame(far, w.advance(deadline));
    }

    /**
     * A million random deadlines across every level (and past the wheel's span), inserted at
     * many different wheel positions, about one in twenty cancelled, time advanced in steps of every
     * size and onto exact deadlines: each surviving entry fires exactly once, at the first
     * advance that reaches its deadline (never early, never late), in deadline order.
     */
    @Test
    void aMillionRandomDeadlinesFireInOrderAndNeverEarly() {
        final int total = 1_000_000;
        SplittableRandom rnd = new SplittableRandom(20261125);
        TimerWheel w = new TimerWheel();
        Entry[] entries = new Entry[total];
        int inserted = 0;
        int cancelled = 0;
        int firedCount = 0;
        int[] perLevel = new int[TimerWheel.LEVELS + 1];
        for (; inserted < total / 2; inserted++) {
            entries[inserted] = insertRandom(w, rnd, perLevel);
        }
        long now = 0;
        while (w.size() > 0 || inserted < total) {
            final long previous = now;
            now = nextNow(rnd, now, entries, inserted);
            long lastDeadline = Long.MIN_VALUE;
            for (TimerEntry t = w.advance(now); t != null; ) {
                Entry e = (Entry) t;
                TimerEntry next = t.next;
                t.next = null;
                assertTrue(e.firedAt < 0, "fired twice");
                assertFalse(e.cancelled, "a cancelled entry fired");
                assertTrue(e.deadline <= now, "fired early");
                assertTrue(e.deadline > previous, "fired late");
                assertTrue(e.deadline >= lastDeadline, "fired out of order");
                lastDeadline = e.deadline;
                e.firedAt = now;
                firedCount++;
                t = next;
            }
            for (int k = 0; k < 5 && inserted < total; k++) {
                entries[inserted++] = insertRandom(w, rnd, perLevel);
            }
            // half the time one of the entries just inserted (surely armed), else any entry
            Entry victim =
                    entries[
                            rnd.nextBoolean()
                                    ? inserted - 1 - rnd.nextInt(5)
                                    : rnd.nextInt(inserted)];
            if (victim.isLinked()) {
                w.remove(victim);
                victim.cancelled = true;
                cancelled++;
            }
        }
        assertEquals(total, firedCount + cancelled);
        for (int l = 0; l <= TimerWheel.LEVELS; l++) {
            assertTrue(perLevel[l] > 1000, "too few deadlines on level " + l);
        }
        assertTrue(cancelled > 40_000, "cancellations mixed in: " + cancelled);
    }

    /**
     * The lateness fix: 6,400 entries due in block 2 (ticks 128-191), inserted at tick 0, sit in
     * one level-1 slot. Advanced tick by tick, the wheel moves them into level 0 in shares during
     * block 1, so no single advance moves more than about 6,400 / 64 of them (the old wheel moved
     * all 6,400 at tick 128, while timers due at 128 waited); each fires at its own tick.
     */
    @Test
    void theNextBlockMovesAheadInSharesNotAtOnce() {
        DriverMetrics metrics = new DriverMetrics();
        TimerWheel w = new TimerWheel(metrics);
        SplittableRandom rnd = new SplittableRandom(8);
        Entry[] entries = new Entry[6400];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = new Entry();
            assertTrue(w.insert(entries[i], 128 + rnd.nextInt(64)));
        }
        int maxMoved = 0;
        int fired = 0;
        for (long now = 1; now <= 191; now++) {
            long movedBefore = metrics.timerEntriesMoved();
            for (TimerEntry t = w.advance(now); t != null; t = t.next) {
                assertEquals(now, t.deadline, "fires at its own tick");
                fired++;
            }
            maxMoved = Math.max(maxMoved, (int) (metrics.timerEntriesMoved() - movedBefore));
            if (now == 127) {
                assertEquals(
                        128,
                        w.nextExpiration() & ~63L,
                        "all of block 2 is in level 0 before it starts");
            }
        }
        assertEquals(entries.length, fired);
        assertTrue(
                maxMoved <= 2 * entries.length / 64,
                "moved at most twice an even share per tick: " + maxMoved);
        assertTrue(maxMoved > 0, "the entries were moved ahead, not cascaded when block 2 started");
    }

    /**
     * Tick by tick, as a busy driver advances: each tick inserts entries due 1-300 ticks later
     * (this block, the next one, level 1) and cancels a random one; every entry fires exactly at
     * its tick or was cancelled.
     */
    @Test
    void tickByTickWithInsertsAndCancelsEveryEntryFiresAtItsTick() {
        TimerWheel w = new TimerWheel();
        SplittableRandom rnd = new SplittableRandom(20261126);
        Entry[] entries = new Entry[200_000];
        int inserted = 0;
        int fired = 0;
        int cancelled = 0;
        long now = 0;
        while (inserted < entries.length || w.size() > 0) {
            now++;
            for (TimerEntry t = w.advance(now); t != null; ) {
                Entry e = (Entry) t;
                t = t.next;
                e.next = null;
                assertEquals(now, e.deadline, "fired at its tick");
                assertFalse(e.cancelled, "a cancelled entry fired");
                assertTrue(e.firedAt < 0, "fired twice");
                e.firedAt = now;
                fired++;
            }
            for (int k = rnd.nextInt(80); k > 0 && inserted < entries.length; k--) {
                Entry e = new Entry();
                assertTrue(w.insert(e, now + 1 + rnd.nextInt(300)));
                entries[inserted++] = e;
            }
            if (inserted > 0) {
                // among the latest entries, most of them still armed
                Entry victim = entries[inserted - 1 - rnd.nextInt(Math.min(inserted, 500))];
                if (victim.isLinked()) {
                    w.remove(victim);
                    victim.cancelled = true;
                    cancelled++;
                }
            }
            assertTrue(w.nextExpiration() > now, "nothing due is left behind");
        }
        assertEquals(entries.length, fired + cancelled);
        assertTrue(cancelled > 1000, "cancellations mixed in: " + cancelled);
    }

    /** A deadline on a random level (index LEVELS: beyond the wheel's span). */
    private static Entry insertRandom(TimerWheel w, SplittableRandom rnd, int[] perLevel) {
        int level = rnd.nextInt(TimerWheel.LEVELS + 1);
        long delta =
                level == TimerWheel.LEVELS
                        ? TimerWheel.SPAN + rnd.nextLong(2 * TimerWheel.SPAN)
                        : 1 + rnd.nextLong(1L << (6 * (level + 1)));
        Entry e = new Entry();
        assertTrue(w.insert(e, w.elapsed() + delta));
        perLevel[level]++;
        return e;
    }

    /** The next time to advance to: exactly a pending deadline, just before one, or a random step. */
    private static long nextNow(SplittableRandom rnd, long now, Entry[] entries, int inserted) {
        Entry probe = entries[rnd.nextInt(inserted)];
        switch (rnd.nextInt(4)) {
            case 0:
                if (probe.isLinked()) {
                    return probe.deadline;
                }
                break;
            case 1:
                if (probe.isLinked() && probe.deadline - 1 > now) {
                    return probe.deadline - 1;
                }
                break;
            default:
                break;
        }
        return now + 1 + rnd.nextLong(1L << (6 * rnd.nextInt(1, 7)));
    }
}
