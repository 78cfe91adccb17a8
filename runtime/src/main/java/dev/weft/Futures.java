package dev.weft;

import dev.weft.internal.future.JoinAll;
import dev.weft.internal.future.Race;
import java.util.Arrays;
import java.util.List;

/**
 * Combinators over several futures: run them at the same time within one task.
 *
 * <pre>{@code
 * List<String> pages = await(Futures.all(fetch(a), fetch(b)));     // both, concurrently
 * String first = await(Futures.race(fetch(primary), fetch(mirror))); // the first to finish
 * }</pre>
 *
 * <p>Results of different types: {@code all} takes one element type. Spawn each future and
 * await the handles; the tasks run at the same time from their spawn on, and each await has its
 * own type:
 * <pre>{@code
 * JoinHandle<User> user = Async.spawn(loadUser(id));
 * JoinHandle<List<Order>> orders = Async.spawn(loadOrders(id));
 * Page page = new Page(await(user), await(orders));
 * }</pre>
 * Unlike {@code all}, a failure of {@code user} does not cancel {@code orders}: cancel the other
 * handle in a {@code catch} or {@code finally} if it must not outlive the failure.
 */
public final class Futures {

    private Futures() {}

    /**
     * All of {@code futures}, polled concurrently, values in order; the first failure cancels
     * the rest and is rethrown.
     *
     * @param futures the futures to run at once
     * @param <T> the common type of their values
     * @return a future of their values, in list order
     */
    public static <T> Future<List<T>> all(List<? extends Future<? extends T>> futures) {
        return new JoinAll<>(futures);
    }

    /**
     * As {@link #all(List)}, for futures listed in the call.
     *
     * <pre>{@code
     * List<String> pages = await(Futures.all(fetch(a), fetch(b), fetch(c)));
     * }</pre>
     *
     * @param futures the futures to run at once
     * @param <T> the common type of their values
     * @return a future of their values, in argument order
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // Arrays.asList only reads the array
    public static <T> Future<List<T>> all(Future<? extends T>... futures) {
        return new JoinAll<>(Arrays.asList(futures));
    }

    /**
     * As {@link #race(List)}, for futures listed in the call.
     *
     * <pre>{@code
     * String fastest = await(Futures.race(fetch(primary), fetch(mirror)));
     * }</pre>
     *
     * @param futures the futures to race
     * @param <T> the common type of their values
     * @return a future of the first outcome
     * @throws IllegalArgumentException when no future is given
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // Arrays.asList only reads the array
    public static <T> Future<T> race(Future<? extends T>... futures) {
        return new Race<>(Arrays.asList(futures));
    }

    /**
     * The first of {@code futures} to finish (value or error) wins; the rest are cancelled. The
     * futures are polled in list order, so of two that are ready at once the earlier one wins.
     *
     * @param futures the futures to race
     * @param <T> the common type of their values
     * @return a future of the first outcome
     * @throws IllegalArgumentException when {@code futures} is empty
     */
    public static <T> Future<T> race(List<? extends Future<? extends T>> futures) {
        return new Race<>(futures);
    }
}
