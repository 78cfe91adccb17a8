package dev.weft.internal.coroutine;

/**
 * Rethrows any throwable, checked ones included, without wrapping: await must surface the
 * original exception object, and Java's checked-exception rule is a compile-time notion only.
 */
public final class Sneaky {

    private Sneaky() {}

    /**
     * Throws {@code t} as it is. Declared to return an exception so call sites can write
     * {@code throw Sneaky.rethrow(t)} and keep javac's flow analysis.
     */
    @SuppressWarnings("unchecked")
    public static <E extends Throwable> E rethrow(Throwable t) throws E {
        throw (E) t;
    }
}
