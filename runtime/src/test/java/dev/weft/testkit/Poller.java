package dev.weft.testkit;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;

/** Polls a future by hand until it is ready (leaves wake synchronously, so no waiting). */
public final class Poller {

    private Poller() {}

    public static <T> T drive(Future<T> f) {
        Context cx = Context.of(() -> {});
        for (long i = 0; i < 10_000_000L; i++) {
            Poll<T> p = f.poll(cx);
            if (p.isReady()) {
                return p.value();
            }
        }
        throw new AssertionError("future never became ready");
    }
}
