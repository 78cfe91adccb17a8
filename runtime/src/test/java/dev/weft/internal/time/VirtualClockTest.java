package dev.weft.internal.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The jump of a {@link VirtualClock}, driven by hand: the interleavings that a runtime hits
 * only when its driving thread loses the CPU at the wrong instruction, forced here through the
 * scheduler's idle predicate, which the driver calls between its two reads.
 */
class VirtualClockTest {

    private static final long MS = 1_000_000L;

    /**
     * The driver has found nobody busy; before it reads the wheel, a party becomes busy and arms
     * a 1 ms timer (a blockOn starting and spawning a sleeper next to a task that keeps
     * yielding: VirtualTimeTest.aBusyTaskKeepsTheClockStill). The clock must not jump to that
     * timer while the party is busy; it may once the party is done.
     */
    @Test
    void aPartyThatBecomesBusyWhileTheDriverDecidesIsNeverJumpedOver() throws Exception {
        VirtualClock clock = new VirtualClock();
        TimerDriver timers = new TimerDriver(clock, () -> {});
        long start = clock.nanoTime();
        CountDownLatch entered = new CountDownLatch(1);
        Thread party =
                new Thread(
                        () -> {
                            clock.enter();
                            entered.countDown();
                            timers.register(new TimerEntry(), MS);
                        },
                        "party");
        AtomicBoolean started = new AtomicBoolean();
        clock.watch(
                () -> {
                    if (started.compareAndSet(false, true)) {
                        party.start();
                        // until the party has armed its timer, or is held inside enter (then it
                        // can arm nothing before the driver is done)
                        while (timers.armed() == 0 && !heldInEnter(party, entered)) {
                            Thread.onSpinWait();
                        }
                    }
                    return true;
                });

        boolean jumped = timers.advanceIfQuiescent();
        party.join();
        assertFalse(jumped, "the clock jumped while a party was busy");
        assertEquals(start, clock.nanoTime());
        assertEquals(1, timers.armed());
        assertFalse(timers.advanceIfQuiescent(), "the party is still busy");

        clock.exit();
        assertTrue(timers.advanceIfQuiescent());
        assertEquals(MS, clock.nanoTime() - start);
    }

    /** The party waits for a jump in progress (blocked on the jump's lock), not yet counted down. */
    private static boolean heldInEnter(Thread party, CountDownLatch entered) {
        Thread.State s = party.getState();
        return entered.getCount() == 1 && (s == Thread.State.BLOCKED || s == Thread.State.WAITING);
    }

    @Test
    void withNoTimerArmedTheClockStays() {
        VirtualClock clock = new VirtualClock();
        TimerDriver timers = new TimerDriver(clock, () -> {});
        clock.watch(() -> true);
        long start = clock.nanoTime();
        assertFalse(timers.advanceIfQuiescent());
        assertEquals(start, clock.nanoTime());
    }

    @Test
    void aQueuedTaskKeepsTheClockStill() {
        VirtualClock clock = new VirtualClock();
        TimerDriver timers = new TimerDriver(clock, () -> {});
        AtomicBoolean queueEmpty = new AtomicBoolean(false);
        clock.watch(queueEmpty::get);
        long start = clock.nanoTime();
        timers.register(new TimerEntry(), 5 * MS);
        assertFalse(timers.advanceIfQuiescent());
        queueEmpty.set(true);
        assertTrue(timers.advanceIfQuiescent());
        assertEquals(5 * MS, clock.nanoTime() - start);
    }
}
