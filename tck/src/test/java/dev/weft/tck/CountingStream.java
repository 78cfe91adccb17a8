package dev.weft.tck;

import dev.weft.AsyncStream;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.Waker;
import java.util.NoSuchElementException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * A hand-written stream of {@code 0 .. count-1} ({@code count == Long.MAX_VALUE}: endless). Ready
 * mode answers every {@code hasNext()} at its first poll; suspending mode answers pending first
 * and has another thread wake the consumer, so each element goes through a real cross-thread
 * wake. One {@code hasNext()} future, reused, as a woven generator does.
 */
final class CountingStream implements AsyncStream<Long> {

    private static final Executor WAKERS = ForkJoinPool.commonPool();

    private final long count;
    private final boolean suspending;
    private final HasNext hasNext = new HasNext();
    private long produced;
    private Long current;
    volatile boolean cancelled;

    CountingStream(long count, boolean suspending) {
        this.count = count;
        this.suspending = suspending;
    }

    @Override
    public Future<Boolean> hasNext() {
        hasNext.woken = false;
        return hasNext;
    }

    @Override
    public Long next() {
        Long v = current;
        if (v == null) {
            throw new NoSuchElementException();
        }
        current = null;
        return v;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    private final class HasNext implements Future<Boolean> {
        /** Set once the pending poll's wake was sent: the next poll answers. */
        boolean woken;

        @Override
        public Poll<Boolean> poll(Context cx) {
            current = null;
            if (suspending && !woken) {
                woken = true;
                Waker w = cx.waker();
                WAKERS.execute(w::wake);
                return Poll.pending();
            }
            if (cancelled || produced == count) {
                return Poll.ready(Boolean.FALSE);
            }
            current = produced++;
            return Poll.ready(Boolean.TRUE);
        }
    }
}
