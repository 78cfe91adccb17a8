package dev.weft;

import dev.weft.internal.stream.FlowStreams;
import java.util.concurrent.Flow;

/**
 * A sequence of values produced asynchronously: Rust's {@code Stream}, Kotlin's {@code Flow}, C#'s
 * {@code IAsyncEnumerable}. The consumer awaits {@link #hasNext()} and then takes the element with
 * {@link #next()}:
 *
 * <pre>{@code
 * static Future<Long> sum(AsyncStream<Integer> s) {
 *     long total = 0;
 *     while (await(s.hasNext())) total += s.next();
 *     return Future.ready(total);
 * }
 * }</pre>
 *
 * <p>An <em>async generator</em> is a method whose declared return type is {@code AsyncStream<T>}:
 * its body may call both {@code Async.await} and {@code Generator.yield(x)}. Nothing runs until the
 * first {@code hasNext()} is awaited, and each {@code yield} suspends until the consumer asks for
 * the next element, so a slow consumer holds the producer back.
 *
 * <p>A stream has one consumer; it is not thread-safe, and {@code hasNext()} must not be called
 * again before the previous one completed.
 *
 * @param <T> the type of the elements
 */
public interface AsyncStream<T> {

    /**
     * Completes {@code true} when {@link #next()} has an element, {@code false} at the end. A
     * producer's failure comes out of the await of this future as the original object.
     *
     * @return a future of whether another element is available
     */
    Future<Boolean> hasNext();

    /**
     * The element the last {@code hasNext()} announced.
     *
     * @return the element
     * @throws java.util.NoSuchElementException when {@code hasNext()} did not announce one
     */
    T next();

    /**
     * The consumer gives up: the producer's pending await throws
     * {@link java.util.concurrent.CancellationException} and its {@code finally} blocks run. No
     * effect on a stream that ended.
     */
    default void cancel() {}

    /**
     * A stream of the items of a {@link Flow.Publisher}, requesting at most {@code prefetch}
     * items ahead of the consumer: {@code prefetch} at subscription, then {@code prefetch -
     * prefetch / 4} each time the consumer has taken that many. {@code onError} comes out of the
     * await of {@code hasNext()} (as the original object) after the items received before it;
     * {@link #cancel()} cancels the subscription.
     *
     * @param publisher the source of the items
     * @param prefetch how many items may be requested ahead, at least 1
     * @param <T> the type of the elements
     * @return a stream that subscribes at its first {@code hasNext()}
     */
    static <T> AsyncStream<T> from(Flow.Publisher<? extends T> publisher, int prefetch) {
        return FlowStreams.from(publisher, prefetch);
    }

    /**
     * A {@link Flow.Publisher} of the elements of {@code stream} that honours its subscriber's
     * demand and follows the Reactive Streams rules. The stream can be subscribed to once; a
     * second subscriber gets {@code onError(IllegalStateException)}. A task drives the stream: it
     * is spawned on the runtime current where this method is called, else on the one current at
     * {@code subscribe}; with neither, the subscriber gets {@code onError(IllegalStateException)}.
     *
     * @param stream the source of the elements
     * @param <T> the type of the elements
     * @return a publisher of the stream's elements
     */
    static <T> Flow.Publisher<T> toPublisher(AsyncStream<T> stream) {
        return FlowStreams.toPublisher(stream);
    }
}
