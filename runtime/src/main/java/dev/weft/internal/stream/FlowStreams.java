package dev.weft.internal.stream;

import dev.weft.AsyncStream;
import java.util.concurrent.Flow;

/** The bridges between {@link AsyncStream} and {@link Flow}. */
public final class FlowStreams {
    private FlowStreams() {}

    public static <T> AsyncStream<T> from(Flow.Publisher<? extends T> publisher, int prefetch) {
        throw new UnsupportedOperationException("AsyncStream.from: not yet implemented");
    }

    public static <T> Flow.Publisher<T> toPublisher(AsyncStream<T> stream) {
        throw new UnsupportedOperationException("AsyncStream.toPublisher: not yet implemented");
    }
}
