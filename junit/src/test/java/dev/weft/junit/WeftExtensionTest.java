package dev.weft.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.weft.AsyncRuntime;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.Poll;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs small test classes (the static nested fixtures, which surefire itself skips) through the
 * Jupiter engine with EngineTestKit and checks what the extension made of them.
 */
class WeftExtensionTest {

    /** Never completes: a task running it stays live until cancelled. */
    static final class Forever implements Future<Void> {
        @Override
        public Poll<Void> poll(Context cx) {
            return Poll.pending();
        }
    }

    /** The runtimes the fixtures received, to look at after the engine is done. */
    static final List<AsyncRuntime> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Line numbers of the fixtures' spawn calls, recorded by the fixtures themselves. */
    static volatile int leakLine;

    private static int here() {
        return new Throwable().getStackTrace()[1].getLineNumber();
    }

    @ExtendWith(WeftExtension.class)
    static class Clean {
        @Test
        void joinsWhatItSpawns(AsyncRuntime rt) {
            seen.add(rt);
            JoinHandle<String> h = rt.spawn(Future.ready("x"));
            assertEquals("x", rt.blockOn(h));
        }
    }

    @ExtendWith(WeftExtension.class)
    static class Leaks {
        @Test
        void leavesATaskRunning(AsyncRuntime rt) {
            seen.add(rt);
            leakLine = here() + 1; // the spawn on the next line
            rt.spawn(new Forever());
        }
    }

    @WeftTest(flavor = WeftTest.Flavor.MULTI_THREAD, workers = 2)
    static class MultiThread {
        @Test
        void runsOnWorkers(AsyncRuntime rt) throws Exception {
            seen.add(rt);
            CompletableFuture<String> where = new CompletableFuture<>();
            rt.blockOn(
                    rt.spawn(
                            cx -> {
                                where.complete(Thread.currentThread().getName());
                                return Poll.ready(null);
                            }));
            assertTrue(where.get().startsWith("weft-test-runsOnWorkers-"), where.get());
        }

        @Test
        void leavesATaskRunning(AsyncRuntime rt) {
            seen.add(rt);
            leakLine = here() + 1; // the spawn on the next line
            rt.spawn(new Forever());
        }
    }

    @ExtendWith(WeftExtension.class)
    static class Shared {
        AsyncRuntime fromBeforeEach;

        @BeforeEach
        void setUp(AsyncRuntime rt) {
            fromBeforeEach = rt;
        }

        @Test
        void sameRuntime(AsyncRuntime rt) {
            assertSame(fromBeforeEach, rt);
        }

        @Test
        void cancelledTaskIsNotALeak(AsyncRuntime rt) {
            rt.spawn(new Forever()).cancel();
        }
    }

    @WeftTest(workers = 3)
    static class WorkersWithoutMultiThread {
        @Test
        void test(AsyncRuntime rt) {}
    }

    private static Events run(Class<?> fixture) {
        seen.clear();
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .execute()
                .testEvents();
    }

    private static String failureMessage(Events events) {
        Event failed = events.failed().stream().findFirst().orElseThrow();
        return failed.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .orElseThrow()
                .getThrowable()
                .orElseThrow()
                .getMessage();
    }

    private static void assertClosed(AsyncRuntime rt) {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> rt.blockOn(Future.ready(1)));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void aTestThatJoinsItsTasksPassesAndItsRuntimeIsClosedAfterIt() {
        Events events = run(Clean.class);
        events.assertStatistics(s -> s.started(1).succeeded(1).failed(0));
        assertEquals(1, seen.size());
        assertClosed(seen.get(0));
    }

    @Test
    void aLeakedTaskFailsTheTestNamingTheTaskAndItsSpawnSite() {
        Events events = run(Leaks.class);
        events.assertStatistics(s -> s.started(1).failed(1));
        String message = failureMessage(events);
        assertTrue(
                message.contains(Leaks.class.getName() + ".leavesATaskRunning left 1 task running"),
                message);
        assertTrue(
                message.contains(
                        Forever.class.getName()
                                + " spawned at "
                                + Leaks.class.getName()
                                + ".leavesATaskRunning(WeftExtensionTest.java:"
                                + leakLine
                                + ")"),
                message);
        assertClosed(seen.get(0));
    }

    @Test
    void multiThreadRuntimeRunsOnItsWorkersAndLeavesNoThreadBehind() {
        Events events = run(MultiThread.class);
        events.assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        String message = failureMessage(events);
        assertTrue(
                message.contains(
                        Forever.class.getName()
                                + " spawned at "
                                + MultiThread.class.getName()
                                + ".leavesATaskRunning(WeftExtensionTest.java:"
                                + leakLine
                                + ")"),
                message);
        assertEquals(2, seen.size());
        for (AsyncRuntime rt : seen) {
            assertClosed(rt);
        }
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            assertFalse(
                    t.getName().startsWith("weft-test-") && t.isAlive(),
                    "thread left running: " + t);
        }
    }

    @Test
    void beforeEachAndTheTestShareOneRuntimeAndACancelledTaskIsNoLeak() {
        Events events = run(Shared.class);
        events.assertStatistics(s -> s.started(2).succeeded(2));
    }

    @Test
    void workersWithoutMultiThreadIsRejectedWithTheReason() {
        Events events = run(WorkersWithoutMultiThread.class);
        events.assertStatistics(s -> s.started(1).failed(1));
        String message = failureMessage(events);
        assertTrue(message.contains("@WeftTest(workers = 3) needs flavor = MULTI_THREAD"), message);
        assertNotNull(message);
    }

    @Test
    void withoutTheExtensionNothingResolvesARuntime() {
        // control: the failing cases above fail because of the extension, not because of the
        // fixture
        Events events = run(NoExtension.class);
        events.assertStatistics(s -> s.started(1).failed(1));
        assertTrue(
                failureMessage(events).contains("No ParameterResolver registered"),
                failureMessage(events));
    }

    static class NoExtension {
        @Test
        void test(AsyncRuntime rt) {}
    }
}
