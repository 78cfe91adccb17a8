package dev.weft.fuzz.ref;

import dev.weft.fuzz.rt.G;
import java.util.Iterator;

/**
 * Reference generator type. A reference generator body runs when called; its yields go to
 * {@link G}'s buffer and it returns null, which {@link G#drain} understands.
 */
public abstract class Generator<T> implements Iterable<T> {

    protected Generator() {}

    public static void yield(Object value) {
        G.add(
                value,
                StackWalker.getInstance().walk(s -> s.skip(1).findFirst().get().getMethodName()));
    }

    @Override
    public abstract Iterator<T> iterator();
}
