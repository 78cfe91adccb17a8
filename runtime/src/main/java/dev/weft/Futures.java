package dev.weft;

import dev.weft.internal.future.JoinAll;
import dev.weft.internal.future.Race;
import java.util.List;

/** Combinators over several futures. */
public final class Futures {

    private Futures() {}

    /**
     * All of {@code futures}, polled concurrently, values in order; the first failure cancels
     * the rest and is rethrown.
     */
    public static <T> Future<List<T>> all(List<? extends Future<? extends T>> futures) {
        return new JoinAll<>(futures);
    }

    /**
     * The first of {@code futures} to finish (value or error) wins; the rest are cancelled. The
     * futures are polled in list order, so of two that are ready at once the earlier one wins.
     *
     * @throws IllegalArgumentException when {@code futures} is empty
     */
    public static <T> Future<T> race(List<? extends Future<? extends T>> futures) {
        return new Race<>(futures);
    }
}
