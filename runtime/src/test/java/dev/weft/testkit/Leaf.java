package dev.weft.testkit;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.Waker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hand-made leaf future whose behaviour is fixed at creation by the harness's current mode:
 * READY completes on the first poll; PENDING returns Pending 1 or 2 times first, waking itself
 * during the poll or parking its waker for the driver (alternating, see package-info); ONCE
 * returns Pending once, waking itself.
 */
public final class Leaf<T> implements Future<T> {

    private enum State {
        NEW,
        IN_FLIGHT,
        DONE,
        CANCELLED
    }

    /** Current run's mode; set by {@link Drive} before the future under test is created. */
    static volatile Mode mode = Mode.READY;

    /** Every leaf created in the current run, in creation order. */
    static final List<Leaf<?>> created = new ArrayList<>();

    /** Wakers parked by leaves that do not wake themselves; the driver wakes them when idle. */
    static final List<Waker> parked = new ArrayList<>();

    /** Pending polls returned by all leaves of the current run (atomic: ONCE leaves may be polled
     * on other threads, by tasks the agent's samples spawn). */
    static final AtomicLong pendingPolls = new AtomicLong();

    /** Suppresses per-leaf bookkeeping for runs that create very many leaves. */
    static boolean track = true;

    /** Counter behind the 1-or-2 and self/parked alternations; reset per run for determinism. */
    static int serial;

    private final T value;
    private final Throwable error;
    private final boolean selfWake;
    private int pendingLeft;
    private State state = State.NEW;

    private Leaf(T value, Throwable error) {
        this.value = value;
        this.error = error;
        int n = serial++;
        this.pendingLeft =
                mode == Mode.PENDING ? 1 + (n % 3 == 2 ? 1 : 0) : mode == Mode.ONCE ? 1 : 0;
        this.selfWake = mode == Mode.ONCE || n % 2 == 0;
        if (track) {
            created.add(this);
        }
    }

    /** A leaf that completes with {@code value} (null allowed). */
    public static <T> Leaf<T> of(T value) {
        return new Leaf<>(value, null);
    }

    /** A leaf that fails with {@code error}, thrown from poll as the same object. */
    public static <T> Leaf<T> fail(Throwable error) {
        return new Leaf<>(null, error);
    }

    /** A leaf that stays pending forever and parks its waker; for cancellation tests. */
    public static <T> Leaf<T> never() {
        Leaf<T> l = new Leaf<>(null, null);
        l.pendingLeft = Integer.MAX_VALUE;
        return l;
    }

    @Override
    public Poll<T> poll(Context cx) {
        if (state == State.DONE || state == State.CANCELLED) {
            throw new AssertionError(
                    "leaf polled after it "
                            + (state == State.DONE ? "completed" : "was cancelled"));
        }
        if (pendingLeft > 0) {
            if (pendingLeft != Integer.MAX_VALUE) {
                pendingLeft--;
            }
            state = State.IN_FLIGHT;
            pendingPolls.incrementAndGet();
            if (selfWake && pendingLeft != Integer.MAX_VALUE) {
                cx.waker().wake();
            } else {
                parked.add(cx.waker());
            }
            return Poll.pending();
        }
        state = State.DONE;
        if (error != null) {
            throw Drive.sneaky(error);
        }
        return Poll.ready(value);
    }

    @Override
    public void cancel() {
        if (state != State.DONE) {
            state = State.CANCELLED;
        }
    }

    /** True once {@link #cancel()} was called before the leaf completed. */
    public boolean isCancelled() {
        return state == State.CANCELLED;
    }

    /** True while the leaf returned Pending and has neither completed nor been cancelled. */
    boolean inFlight() {
        return state == State.IN_FLIGHT;
    }
}
