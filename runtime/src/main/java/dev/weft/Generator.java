package dev.weft;

import dev.weft.internal.coroutine.NotWoven;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A stackless coroutine that yields values: a method whose declared return type is
 * {@code Generator<T>} and whose body calls {@code Generator.yield(x)} is woven like an async
 * method. Calling it runs nothing; each {@link #hasNext()} runs the body up to its next
 * {@code yield} (or to its end). The body's {@code return} value is ignored: write
 * {@code return null;}.
 *
 * <pre>{@code
 * static Generator<Long> fibonacci(int n) {
 *     long a = 0, b = 1;
 *     for (int i = 0; i < n; i++) {
 *         Generator.yield(a);
 *         long next = a + b;
 *         a = b;
 *         b = next;
 *     }
 *     return null;
 * }
 *
 * for (long x : fibonacci(10)) System.out.println(x);
 * }</pre>
 *
 * <p>A generator is an iterator, not thread-safe, and iterable only once
 * ({@link #iterator()} returns this).
 *
 * @param <T> the type of the yielded values
 */
public abstract class Generator<T> implements Iterator<T>, Iterable<T> {

    /** For weft's woven generator states ({@code dev.weft.internal.coroutine}). */
    protected Generator() {}

    /**
     * Hands {@code value} to the consumer and suspends until the next {@code hasNext()}. A
     * suspension point, woven; call it qualified: {@code Generator.yield(x)}. Unwoven it throws
     * IllegalStateException.
     *
     * @param value the value {@link #next()} returns to the consumer
     */
    public static void yield(Object value) {
        throw NotWoven.yield();
    }

    /**
     * This generator, so that it can stand in a for-each loop.
     *
     * @return this
     */
    @Override
    public Iterator<T> iterator() {
        return this;
    }

    /**
     * The remaining values as a sequential, ordered stream.
     *
     * @return a stream over the values not yet consumed
     */
    public Stream<T> stream() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED), false);
    }
}
