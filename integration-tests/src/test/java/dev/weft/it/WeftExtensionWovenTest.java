package dev.weft.it;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.junit.WeftExtension;
import dev.weft.junit.WeftTest;
import dev.weft.sync.Oneshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * weft-junit on woven code: a task spawned inside an async method is reported with the line of
 * that spawn in the user's source (the woven body stays in the host class, lines kept), and the
 * task by its coroutine. The fixtures are static nested classes, which surefire itself skips.
 */
class WeftExtensionWovenTest {

    static volatile int spawnLine;

    private static int here() {
        return new Throwable().getStackTrace()[1].getLineNumber();
    }

    /** Pending until the oneshot completes, which nobody does. */
    static Future<Void> forever(Oneshot<Void> never) {
        await(never.future());
        return Future.done();
    }

    static Future<String> spawnsAndLeaves() {
        await(Async.yieldNow());
        spawnLine = here() + 1; // the spawn is on the next line
        Async.spawn(forever(new Oneshot<>()));
        return Future.ready("returned");
    }

    static Future<Integer> spawnsAndJoins() {
        JoinHandle<Integer> h = Async.spawn(Future.ready(42));
        return Future.ready(await(h));
    }

    @ExtendWith(WeftExtension.class)
    static class Leaks {
        @Test
        void leaves(AsyncRuntime rt) {
            assertEquals("returned", rt.blockOn(spawnsAndLeaves()));
        }
    }

    @WeftTest(flavor = WeftTest.Flavor.MULTI_THREAD, workers = 2)
    static class Joins {
        @Test
        void joins(AsyncRuntime rt) {
            assertEquals(42, rt.blockOn(spawnsAndJoins()));
        }

        @Test
        void leaves(AsyncRuntime rt) {
            assertEquals("returned", rt.blockOn(spawnsAndLeaves()));
        }
    }

    private static Events run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .execute()
                .testEvents();
    }

    private static String failure(Events events) {
        return events.failed().stream()
                .findFirst()
                .orElseThrow()
                .getPayload(TestExecutionResult.class)
                .orElseThrow()
                .getThrowable()
                .orElseThrow()
                .getMessage();
    }

    private static void assertNamesTheWovenSpawn(String message) {
        assertTrue(message.contains(" left 1 task running"), message);
        assertTrue(
                message.contains("$weft$forever$"),
                "the task is named by its coroutine: " + message);
        assertTrue(
                message.contains(
                        " spawned at "
                                + WeftExtensionWovenTest.class.getName()
                                + ".spawnsAndLeaves(WeftExtensionWovenTest.java:"
                                + spawnLine
                                + ")"),
                message);
    }

    @Test
    void aTaskLeftByWovenCodeIsReportedAtItsSpawnLine() {
        Events events = run(Leaks.class);
        events.assertStatistics(s -> s.started(1).failed(1));
        assertNamesTheWovenSpawn(failure(events));
    }

    @Test
    void onAMultiThreadRuntimeJoinedTasksPassAndLeftOnesFail() {
        Events events = run(Joins.class);
        events.assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        assertNamesTheWovenSpawn(failure(events));
    }
}
