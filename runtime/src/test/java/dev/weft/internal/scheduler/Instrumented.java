package dev.weft.internal.scheduler;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wraps a future and detects the scheduler's safety violations: two threads inside one task's
 * poll at once, a poll (or cancel) after the future completed, and a cancel racing a poll.
 * Violations are counted in {@link #VIOLATIONS} (shared by a test run) rather than thrown, so
 * the test fails on the count even when the violating thread is a worker.
 */
final class Instrumented<T> implements Future<T> {

    /** Every violation seen; tests reset it and assert it is 0. */
    static final AtomicLong VIOLATIONS = new AtomicLong();

    /** Polls observed, across all instrumented futures. */
    static final AtomicLong POLLS = new AtomicLong();

    private final Future<T> inner;
    private final AtomicInteger inside = new AtomicInteger();
    private volatile boolean done;

    Instrumented(Future<T> inner) {
        this.inner = inner;
    }

    static <T> Instrumented<T> of(Future<T> inner) {
        return new Instrumented<>(inner);
    }

    @Override
    public Poll<T> poll(Context cx) {
        if (inside.incrementAndGet() != 1) {
            VIOLATIONS.incrementAndGet(); // two threads polling one task
        }
        try {
            if (done) {
                VIOLATIONS.incrementAndGet(); // polled after completion
            }
            POLLS.incrementAndGet();
            Poll<T> p;
            try {
                p = inner.poll(cx);
            } catch (RuntimeException | Error e) {
                done = true;
                throw e;
            }
            if (p.isReady()) {
                done = true;
            }
            return p;
        } finally {
            inside.decrementAndGet();
        }
    }

    @Override
    public void cancel() {
        if (inside.incrementAndGet() != 1) {
            VIOLATIONS.incrementAndGet(); // cancel concurrent with a poll
        }
        try {
            if (done) {
                VIOLATIONS.incrementAndGet(); // cancelled after completion
            }
            done = true;
            inner.cancel();
        } finally {
            inside.decrementAndGet();
        }
    }
}
