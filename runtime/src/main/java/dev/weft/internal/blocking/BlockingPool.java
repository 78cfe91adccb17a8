package dev.weft.internal.blocking;

import dev.weft.Future;
import java.util.concurrent.Callable;

/** STUB: the runtime issue implements the blocking pool. */
public final class BlockingPool {
    private BlockingPool() {}

    public static <T> Future<T> submit(Callable<T> work) {
        throw new UnsupportedOperationException("not yet");
    }
}
