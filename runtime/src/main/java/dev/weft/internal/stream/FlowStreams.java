package dev.weft.internal.stream;

import dev.weft.AsyncStream;
import dev.weft.Poll;
import dev.weft.internal.coroutine.Ready;
import java.util.Objects;
import java.util.concurrent.Flow;

/** The bridges between {@link AsyncStream} and {@link Flow}, and what the streams share. */
public final class FlowStreams {

    /**
     * The two outcomes of a {@code hasNext()}, shared: a stream that answers from these allocates
     * nothing per element ({@code Poll.ready(true)} would allocate a ready poll each time).
     */
    public static final Poll<Boolean> TRUE = Ready.of(Boolean.TRUE);

    public static final Poll<Boolean> FALSE = Ready.of(Boolean.FALSE);

    private FlowStreams() {}

    public static <T> AsyncStream<T> from(Flow.Publisher<? extends T> publisher, int prefetch) {
        Objects.requireNonNull(publisher, "publisher");
        if (prefetch < 1) {
            throw new IllegalArgumentException(
                    "AsyncStream.from: prefetch must be at least 1: " + prefetch);
        }
        return new PublisherStream<>(publisher, prefetch);
    }

    public static <T> Flow.Publisher<T> toPublisher(AsyncStream<T> stream) {
        return new StreamPublisher<>(Objects.requireNonNull(stream, "stream"));
    }

    /** The answer of a {@code hasNext()} poll that found an element ({@code true}) or the end. */
    public static Poll<Boolean> of(boolean hasNext) {
        return hasNext ? TRUE : FALSE;
    }
}
