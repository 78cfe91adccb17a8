package dev.weft.internal.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.Poll;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live-task view weft-junit's leak check reads: which tasks, spawned where. */
class LiveTasksTest {

    /** Never completes: the task stays live until cancelled. */
    static final class Forever implements Future<Void> {
        @Override
        public Poll<Void> poll(Context cx) {
            return Poll.pending();
        }
    }

    /** Spawns a Forever through Async.spawn from inside a task, then completes. */
    static final class SpawnsInside implements Future<Void> {
        @Override
        public Poll<Void> poll(Context cx) {
            Async.spawn(new Forever()); // the site must name this line, not Async.spawn
            return Poll.ready(null);
        }
    }

    private static int lineOf(Throwable here) {
        return here.getStackTrace()[0].getLineNumber();
    }

    @Test
    void listsRunningTasksWithTheLineThatSpawnedThem() {
        for (AsyncRuntime rt :
                List.of(AsyncRuntime.currentThread(), AsyncRuntime.builder().workers(2).build())) {
            try (rt) {
                LiveTasks.recordSpawnSites(rt);
                int line = lineOf(new Throwable()) + 1; // the spawn on the next line
                JoinHandle<Void> h = rt.spawn(new Forever());
                rt.blockOn(rt.spawn(Future.ready("done"))); // complete: not listed

                List<LiveTasks.LiveTask> live = LiveTasks.of(rt);
                assertEquals(1, live.size(), live.toString());
                assertEquals(Forever.class.getName(), live.get(0).future());
                assertEquals(
                        LiveTasksTest.class.getName()
                                + ".listsRunningTasksWithTheLineThatSpawnedThem(LiveTasksTest.java:"
                                + line
                                + ")",
                        live.get(0).spawnSite());

                h.cancel(); // cancelled: someone gave up on it, not a leak
                assertEquals(List.of(), LiveTasks.of(rt));
            }
        }
    }

    @Test
    void aSpawnThroughAsyncSpawnNamesTheCallerNotTheRuntime() {
        try (AsyncRuntime rt = AsyncRuntime.currentThread()) {
            LiveTasks.recordSpawnSites(rt);
            rt.blockOn(new SpawnsInside());
            List<LiveTasks.LiveTask> live = LiveTasks.of(rt);
            assertEquals(1, live.size(), live.toString());
            assertTrue(
                    live.get(0)
                            .spawnSite()
                            .startsWith(SpawnsInside.class.getName() + ".poll(LiveTasksTest.java:"),
                    live.get(0).spawnSite());
        }
    }

    @Test
    void withoutRecordingTasksAreListedWithNoSite() {
        try (AsyncRuntime rt = AsyncRuntime.currentThread()) {
            rt.spawn(new Forever());
            List<LiveTasks.LiveTask> live = LiveTasks.of(rt);
            assertEquals(1, live.size());
            assertNull(live.get(0).spawnSite());
        }
    }
}
