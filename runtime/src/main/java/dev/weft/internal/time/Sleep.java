package dev.weft.internal.time;

import dev.weft.Future;
import java.time.Duration;

/** STUB: the runtime issue implements timers. */
public final class Sleep {
    private Sleep() {}

    public static Future<Void> of(Duration d) {
        throw new UnsupportedOperationException("not yet");
    }
}
