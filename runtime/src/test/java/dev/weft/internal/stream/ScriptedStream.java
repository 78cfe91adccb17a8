package dev.weft.internal.stream;

import dev.weft.AsyncStream;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.internal.coroutine.Sneaky;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written stream for tests: the elements {@code 0 .. count-1}, then the end or
 * {@code failure}. With {@code suspending}, every {@code hasNext()} is pending at its first poll
 * and wakes its waker at once, so the consumer goes through the pending path for each element.
 * Counts the {@code hasNext()} calls and records {@code cancel()}.
 */
final class ScriptedStream implements AsyncStream<Integer> {

    private final int count;
    private final Throwable failure;
    private final boolean suspending;

    final AtomicInteger hasNextCalls = new AtomicInteger();
    final AtomicInteger cancels = new AtomicInteger();
    final CountDownLatch cancelled = new CountDownLatch(1);

    private int produced;
    private Integer current;

    ScriptedStream(int count, Throwable failure, boolean suspending) {
        this.count = count;
        this.failure = failure;
        this.suspending = suspending;
    }

    static ScriptedStream of(int count) {
        return new ScriptedStream(count, null, false);
    }

    @Override
    public Future<Boolean> hasNext() {
        hasNextCalls.incrementAndGet();
        current = null;
        return new Future<>() {
            private boolean polledOnce;

            @Override
            public Poll<Boolean> poll(Context cx) {
                if (suspending && !polledOnce) {
                    polledOnce = true;
                    cx.waker().wake();
                    return Poll.pending();
                }
                if (produced < count) {
                    current = produced++;
                    return FlowStreams.TRUE;
                }
                if (failure != null) {
                    throw Sneaky.<RuntimeException>rethrow(failure);
                }
                return FlowStreams.FALSE;
            }
        };
    }

    @Override
    public Integer next() {
        Integer v = current;
        if (v == null) {
            throw new NoSuchElementException();
        }
        current = null;
        return v;
    }

    @Override
    public void cancel() {
        cancels.incrementAndGet();
        cancelled.countDown();
    }
}
