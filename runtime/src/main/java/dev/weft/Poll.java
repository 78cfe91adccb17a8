package dev.weft;

import dev.weft.internal.coroutine.Ready;

/**
 * The outcome of one {@link Future#poll}: ready with a value, or pending.
 *
 * <pre>{@code
 * Poll<String> p = future.poll(cx);
 * if (p.isReady()) {
 *     use(p.value());
 * } else {
 *     // the future stored cx.waker(); it will be woken when polling again can make progress
 * }
 * }</pre>
 *
 * <p>Pending is one shared instance: returning it allocates nothing. A ready future made by
 * {@link Future#ready} is its own {@code Poll}, so awaiting it allocates nothing either.
 * Subclasses outside weft's runtime are not supported.
 *
 * @param <T> the type of the value
 */
public abstract class Poll<T> {

    /**
     * For weft's own ready values ({@code dev.weft.internal}: ready futures and coroutine
     * states that are their own poll result, so completing allocates nothing). Not an extension
     * point for users.
     */
    protected Poll() {}

    /**
     * A ready poll carrying {@code value} (which may be null).
     *
     * @param value the value
     * @param <T> the type of the value
     * @return a ready poll
     */
    public static <T> Poll<T> ready(T value) {
        return Ready.of(value);
    }

    /**
     * The pending poll; one shared instance.
     *
     * @param <T> the type of the value it does not have
     * @return the pending poll
     */
    @SuppressWarnings("unchecked")
    public static <T> Poll<T> pending() {
        return (Poll<T>) Pending.INSTANCE;
    }

    /**
     * True when the poll carries a value.
     *
     * @return whether this poll is ready
     */
    public abstract boolean isReady();

    /**
     * The value of a ready poll.
     *
     * @return the value
     * @throws IllegalStateException when pending
     */
    public abstract T value();

    private static final class Pending extends Poll<Object> {
        static final Pending INSTANCE = new Pending();

        @Override
        public boolean isReady() {
            return false;
        }

        @Override
        public Object value() {
            throw new IllegalStateException("Poll.value() on a pending poll");
        }

        @Override
        public String toString() {
            return "Poll.pending()";
        }
    }
}
