package dev.weft.sync;

import dev.weft.AsyncStream;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.internal.stream.FlowStreams;
import java.util.NoSuchElementException;

/**
 * {@link Channel#stream()}: one receive future, reused for every element, behind one
 * {@code hasNext()} future, also reused; its answers are the shared ready polls. So consuming a
 * channel as a stream allocates nothing per element. Cancellation safety is the receive's own:
 * an abandoned {@code hasNext()} cancels its receive, which passes a value it was already handed
 * to the next receiver or back to the front of the channel.
 */
final class ChannelStream<T> implements AsyncStream<T> {

    private final Channel<T> channel;

    /** The receive being polled, or null between elements. */
    private Future<T> receiving;

    /** A completed receive kept for reuse, or null. */
    private Future<T> spare;

    private T current;

    /** Set once the channel was closed and drained or the stream cancelled; never unset. */
    private boolean ended;

    private final HasNext hasNext = new HasNext();

    ChannelStream(Channel<T> channel) {
        this.channel = channel;
    }

    @Override
    public Future<Boolean> hasNext() {
        return hasNext;
    }

    @Override
    public T next() {
        T v = current;
        if (v == null) {
            throw new NoSuchElementException(
                    "AsyncStream.next() without an element announced by hasNext()");
        }
        current = null;
        return v;
    }

    @Override
    public void cancel() {
        ended = true;
        current = null;
        Future<T> r = receiving;
        receiving = null;
        if (r != null) {
            r.cancel();
        }
    }

    private final class HasNext implements Future<Boolean> {
        @Override
        public Poll<Boolean> poll(Context cx) {
            if (ended) {
                return FlowStreams.FALSE;
            }
            current = null;
            Future<T> r = receiving;
            if (r == null) {
                Future<T> s = spare;
                r = s == null ? channel.receiveForStream() : channel.receiveAgain(s);
                spare = null;
                receiving = r;
            }
            Poll<T> p = r.poll(cx);
            if (!p.isReady()) {
                return Poll.pending();
            }
            T v = p.value();
            receiving = null;
            spare = r;
            if (v == null) { // closed and drained
                ended = true;
                return FlowStreams.FALSE;
            }
            current = v;
            return FlowStreams.TRUE;
        }

        /** The await of this hasNext() gave up: the receive passes on what it was handed. */
        @Override
        public void cancel() {
            Future<T> r = receiving;
            receiving = null;
            if (r != null) {
                r.cancel(); // a cancelled receive is DONE: reusable as the spare
                spare = r;
            }
        }
    }
}
