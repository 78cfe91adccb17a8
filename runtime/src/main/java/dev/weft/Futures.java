package dev.weft;

import java.util.List;

/** Combinators over several futures. */
public final class Futures {

    private Futures() {}

    /**
     * All of {@code futures}, polled concurrently, values in order; the first failure cancels
     * the rest and is rethrown.
     */
    public static <T> Future<List<T>> all(List<? extends Future<? extends T>> futures) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The first of {@code futures} to finish (value or error) wins; the rest are cancelled. */
    public static <T> Future<T> race(List<? extends Future<? extends T>> futures) {
        throw new UnsupportedOperationException("not yet");
    }
}
