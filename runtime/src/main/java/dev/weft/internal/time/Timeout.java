package dev.weft.internal.time;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import java.time.Duration;

/** STUB: the runtime issue implements timers. */
public final class Timeout<T> implements Future<T> {
    public Timeout(Duration limit, Future<T> inner) {}

    @Override
    public Poll<T> poll(Context cx) {
        throw new UnsupportedOperationException("not yet");
    }
}
