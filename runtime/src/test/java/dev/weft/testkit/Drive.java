package dev.weft.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.Waker;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Polls a future by hand until it completes, checking the invariants listed in package-info.
 * Plays both executor (re-polls after a wake) and reactor (wakes parked wakers when idle).
 */
public final class Drive {

    /** A run that polls this often without completing is treated as a livelock. */
    private static final long MAX_POLLS = 10_000_000L;

    private Drive() {}

    /** What one run produced. */
    public record Outcome<T>(T value, Throwable error, long suspensions) {}

    /**
     * Runs {@code body} in {@code mode}: sets the mode, calls {@code body} to get the future (a
     * lazy async method runs nothing yet), then polls it to completion.
     */
    public static <T> Outcome<T> run(Mode mode, Supplier<? extends Future<T>> body) {
        return run(mode, body, true);
    }

    /**
     * As {@link #run(Mode, Supplier)}; {@code track} false skips per-leaf bookkeeping (for runs
     * creating hundreds of thousands of leaves), keeping only the suspension accounting.
     */
    public static <T> Outcome<T> run(Mode mode, Supplier<? extends Future<T>> body, boolean track) {
        reset(mode, track);
        Future<T> f = body.get();
        return poll(f, mode);
    }

    /** Sets up a fresh run in {@code mode} without creating anything yet. */
    public static void reset(Mode mode, boolean track) {
        Leaf.mode = mode;
        Leaf.track = track;
        Leaf.created.clear();
        Leaf.parked.clear();
        Leaf.pendingPolls.set(0);
        Leaf.serial = 0;
    }

    /** Polls {@code f}, created under the current mode, to completion. */
    public static <T> Outcome<T> poll(Future<T> f, Mode mode) {
        CountingWaker waker = new CountingWaker();
        Context cx = waker.cx;
        long suspensions = 0;
        for (long polls = 1; ; polls++) {
            if (polls > MAX_POLLS) {
                fail("no progress after " + MAX_POLLS + " polls");
            }
            waker.takeWoken();
            Poll<T> p;
            try {
                p = f.poll(cx);
            } catch (Throwable t) {
                checkSettled(mode, suspensions);
                return new Outcome<>(null, t, suspensions);
            }
            if (p.isReady()) {
                T v = p.value();
                checkSettled(mode, suspensions);
                return new Outcome<>(v, null, suspensions);
            }
            suspensions++;
            if (!waker.takeWoken()) {
                if (Leaf.parked.isEmpty()) {
                    fail(
                            "the future returned Pending but nothing will wake it (lost wake-up) after "
                                    + suspensions
                                    + " suspensions");
                }
                List<Waker> toWake = new ArrayList<>(Leaf.parked);
                Leaf.parked.clear();
                toWake.forEach(Waker::wake);
            }
        }
    }

    private static void checkSettled(Mode mode, long suspensions) {
        for (Leaf<?> l : Leaf.created) {
            assertTrue(
                    !l.inFlight(),
                    "completed while an awaited leaf was still pending (ready early)");
        }
        assertEquals(
                Leaf.pendingPolls.get(),
                suspensions,
                "each Pending of a leaf must surface as exactly one Pending of the awaiting future");
        if (mode == Mode.READY) {
            assertEquals(0, suspensions, "READY mode must not suspend");
        }
    }

    /** Runs and returns the value; a failure fails the test with the failure as cause. */
    public static <T> T value(Mode mode, Supplier<? extends Future<T>> body) {
        Outcome<T> o = run(mode, body);
        if (o.error() != null) {
            throw new AssertionError("expected a value, the future failed", o.error());
        }
        if (mode == Mode.PENDING && !Leaf.created.isEmpty()) {
            assertTrue(o.suspensions() > 0, "PENDING mode must suspend at least once");
        }
        return o.value();
    }

    /** Runs and returns the failure; a value fails the test. */
    public static Throwable error(Mode mode, Supplier<? extends Future<?>> body) {
        @SuppressWarnings("unchecked")
        Outcome<?> o = run(mode, (Supplier<Future<Object>>) body);
        if (o.error() == null) {
            fail("expected a failure, got the value " + o.value());
        }
        return o.error();
    }

    /**
     * Wakes the wakers parked by leaves (what the driver does when the task went idle); for
     * tests that are driven by something other than {@link #poll}, such as eager methods.
     *
     * @return how many wakers were woken
     */
    public static int wakeParked() {
        List<Waker> toWake = new ArrayList<>(Leaf.parked);
        Leaf.parked.clear();
        toWake.forEach(Waker::wake);
        return toWake.size();
    }

    /** Pending polls returned by leaves since the last {@link #reset}. */
    public static long pendingPolls() {
        return Leaf.pendingPolls.get();
    }

    /**
     * Sets the mode of the leaves created from now on, without starting a new run: the pending
     * count keeps counting and no leaf is tracked. For tests driven by something other than
     * {@link #poll} (the agent's tests, with {@link Poller} and {@link Mode#ONCE}).
     */
    public static void mode(Mode mode) {
        Leaf.track = false;
        Leaf.mode = mode;
    }

    /** Leaves created so far in this run (for tests that inspect them). */
    public static List<Leaf<?>> leaves() {
        return List.copyOf(Leaf.created);
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
