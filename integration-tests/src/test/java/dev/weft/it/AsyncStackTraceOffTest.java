package dev.weft.it;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Future;
import dev.weft.internal.coroutine.AsyncStackTrace;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code -Dweft.asyncStackTraces=false} switches the awaiting side off: a failure crossing a
 * JoinHandle comes out exactly as the child threw it. The property is read once per JVM, when
 * the first task fails; surefire runs each test class in a JVM of its own, and this class sets
 * the property before any task exists.
 */
class AsyncStackTraceOffTest {

    static {
        System.setProperty(AsyncStackTrace.PROPERTY, "false");
    }

    static volatile Throwable thrown;

    static Future<Integer> failing() {
        await(Async.sleep(Duration.ofMillis(1)));
        RuntimeException e = new IllegalStateException("off");
        thrown = e;
        throw e;
    }

    static Future<Integer> joins() {
        await(Async.yieldNow());
        return Future.ready(await(Async.spawn(failing())));
    }

    @Test
    void switchedOffAFailureCrossesUnchanged() {
        try (AsyncRuntime rt = AsyncRuntime.builder().workers(2).build()) {
            IllegalStateException e =
                    assertThrows(IllegalStateException.class, () -> rt.blockOn(rt.spawn(joins())));
            assertFalse(AsyncStackTrace.ENABLED);
            assertSame(thrown, e);
            assertEquals(0, e.getSuppressed().length);
        }
    }
}
