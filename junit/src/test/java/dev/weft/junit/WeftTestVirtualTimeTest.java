package dev.weft.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Future;
import dev.weft.Poll;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * {@code @WeftTest(virtualTime = true)}: the test's runtime runs on a virtual clock, on either
 * flavor. The fixtures (static nested classes, which surefire skips) run through the Jupiter
 * engine; they sleep a virtual hour and time out a future that never completes after an hour.
 */
class WeftTestVirtualTimeTest {

    /** Virtual nanoseconds each fixture saw pass across its one-hour sleep. */
    static final List<Long> slept = new CopyOnWriteArrayList<>();

    /** Whether each fixture's runtime ran its tasks on a thread other than the test's. */
    static final List<Boolean> onWorkers = new CopyOnWriteArrayList<>();

    static void sleepAnHourAndTimeOut(AsyncRuntime rt) {
        Thread test = Thread.currentThread();
        long before = rt.blockOn(cx -> Poll.ready(Async.nanoTime()));
        rt.blockOn(Async.sleep(Duration.ofHours(1)));
        long after = rt.blockOn(cx -> Poll.ready(Async.nanoTime()));
        slept.add(after - before);
        Future<String> never = Future.of(new CompletableFuture<>());
        assertThrows(
                TimeoutException.class,
                () -> rt.blockOn(Async.timeout(Duration.ofHours(1), never)));
        onWorkers.add(rt.blockOn(rt.spawn(cx -> Poll.ready(Thread.currentThread() != test))));
    }

    @WeftTest(virtualTime = true)
    static class CurrentThreadVirtual {
        @Test
        void sleepsAnHour(AsyncRuntime rt) {
            sleepAnHourAndTimeOut(rt);
        }
    }

    @WeftTest(flavor = WeftTest.Flavor.MULTI_THREAD, workers = 2, virtualTime = true)
    static class MultiThreadVirtual {
        @Test
        void sleepsAnHour(AsyncRuntime rt) {
            sleepAnHourAndTimeOut(rt);
        }
    }

    private static Events run(Class<?> fixture) {
        slept.clear();
        onWorkers.clear();
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .execute()
                .testEvents();
    }

    @Test
    void aCurrentThreadRuntimeOnVirtualTimeSleepsAnHourAtOnce() {
        run(CurrentThreadVirtual.class).assertStatistics(s -> s.started(1).succeeded(1));
        assertEquals(List.of(Duration.ofHours(1).toNanos()), slept);
        assertEquals(List.of(false), onWorkers);
    }

    @Test
    void aMultiThreadRuntimeOnVirtualTimeSleepsAnHourAtOnce() {
        run(MultiThreadVirtual.class).assertStatistics(s -> s.started(1).succeeded(1));
        assertEquals(List.of(Duration.ofHours(1).toNanos()), slept);
        assertEquals(List.of(true), onWorkers);
    }

    @Test
    void virtualTimeIsOffByDefault() throws NoSuchMethodException {
        assertFalse((boolean) WeftTest.class.getMethod("virtualTime").getDefaultValue());
        assertTrue(WeftTest.class.getMethod("virtualTime").getReturnType() == boolean.class);
    }
}
