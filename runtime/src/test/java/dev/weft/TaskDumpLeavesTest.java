package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.sync.Channel;
import dev.weft.sync.Mutex;
import dev.weft.sync.Semaphore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What a task dump says about each kind of leaf a task can wait on (issue 16, point 1), without
 * woven frames: the spawned future itself is the leaf. The woven frames and their lines are
 * checked in integration-tests (TaskDumpTest).
 */
class TaskDumpLeavesTest {

    /** Drives the current-thread runtime until no task is scheduled or running; returns the dump. */
    private static TaskDump settled(AsyncRuntime rt) {
        TaskDump d = rt.dumpTasks();
        for (int i = 0;
                i < 100 && d.tasks().stream().anyMatch(t -> t.state() != TaskSnapshot.State.IDLE);
                i++) {
            rt.blockOn(Async.yieldNow());
            d = rt.dumpTasks();
        }
        return d;
    }

    private static List<String> leaves(TaskDump d) {
        return d.tasks().stream()
                .map(t -> t.awaitChain().get(t.awaitChain().size() - 1))
                .sorted()
                .collect(Collectors.toList());
    }

    @Test
    void everyLeafSaysWhatItWaitsFor() throws Exception {
        try (AsyncRuntime rt = AsyncRuntime.currentThread()) {
            Mutex mutex = new Mutex();
            Mutex.Guard held = rt.blockOn(mutex.lock());
            Semaphore none = new Semaphore(0);
            Channel<String> ch = Channel.bounded(1);
            List<JoinHandle<?>> hs = new ArrayList<>();
            JoinHandle<Void> sleeper = rt.spawn(Async.sleep(Duration.ofHours(1)));
            hs.add(sleeper);
            hs.add(rt.spawn(ch.receive()));
            hs.add(rt.spawn(Future.of(new CompletableFuture<String>())));
            hs.add(
                    rt.spawn(
                            Async.timeout(
                                    Duration.ofHours(2),
                                    Future.of(new CompletableFuture<String>()))));
            hs.add(rt.spawn(Futures.all(Async.sleep(Duration.ofHours(3)), ch.receive())));
            hs.add(rt.spawn(Futures.race(Async.sleep(Duration.ofHours(4)), ch.receive())));
            hs.add(rt.spawn(mutex.lock()));
            hs.add(rt.spawn(none.acquire()));
            hs.add(rt.spawn(sleeper));
            TaskDump d = settled(rt);
            assertEquals(hs.size(), d.tasks().size(), d.toString());
            for (TaskSnapshot t : d.tasks()) {
                assertEquals(TaskSnapshot.State.IDLE, t.state(), d.toString());
            }
            List<String> leaves = leaves(d);
            String text = d.toString();
            String channel = "Channel@[0-9a-f]+ \\(capacity 1\\)";
            String[] expected = {
                "Async\\.sleep\\(PT1H\\), fires in (35\\d\\d|3600)\\.\\d{3}s",
                "Channel\\.receive\\(\\) on " + channel,
                "CompletionStage java\\.util\\.concurrent\\.CompletableFuture \\(incomplete\\)",
                "Futures\\.all of 2, waiting for \\[Async\\.sleep\\(PT3H\\), fires in \\d+\\.\\d{3}s, Channel\\.receive\\(\\) on "
                        + channel
                        + "\\]",
                "Futures\\.race of 2: \\[Async\\.sleep\\(PT4H\\), fires in \\d+\\.\\d{3}s, Channel\\.receive\\(\\) on "
                        + channel
                        + "\\]",
                "Mutex\\.lock\\(\\) waiting for a permit",
                "Semaphore\\.acquire\\(\\) waiting for a permit",
                "join of task "
                        + Long.toHexString(
                                d.tasks().stream()
                                        .filter(
                                                t ->
                                                        t.awaitChain()
                                                                .get(0)
                                                                .startsWith("Async.sleep(PT1H)"))
                                        .findFirst()
                                        .orElseThrow()
                                        .id())
                        + " \\(idle\\)",
            };
            for (String e : expected) {
                assertTrue(leaves.stream().anyMatch(l -> l.matches(e)), e + " in:\n" + text);
            }
            // a timeout is not a leaf: the chain goes on into what it limits
            List<String> lines = text.lines().collect(Collectors.toList());
            int t =
                    lines.indexOf(
                            lines.stream()
                                    .filter(
                                            l ->
                                                    l.startsWith(
                                                            "    Async.timeout(PT2H), expires in "))
                                    .findFirst()
                                    .orElseThrow(
                                            () -> new AssertionError("no timeout in:\n" + text)));
            assertEquals(
                    "    CompletionStage java.util.concurrent.CompletableFuture (incomplete)",
                    lines.get(t + 1),
                    text);
            for (JoinHandle<?> h : hs) {
                h.cancel();
            }
            held.close();
        }
    }

    @Test
    void theDumpTextHasAHeaderAndOneBlockPerTask() {
        try (AsyncRuntime rt = AsyncRuntime.currentThread()) {
            JoinHandle<Void> h = rt.spawn(Async.sleep(Duration.ofHours(1)));
            TaskDump d = settled(rt);
            String text = d.toString();
            assertTrue(d.runtime().matches("runtime-\\d+ \\(current-thread\\)"), d.runtime());
            assertTrue(
                    text.matches(
                            "runtime-\\d+ \\(current-thread\\): 1 live task\n"
                                    + "task [0-9a-f]+ idle\n    Async\\.sleep\\(PT1H\\), fires in \\d+\\.\\d{3}s\n"),
                    text);
            h.cancel();
            rt.blockOn(Async.yieldNow());
            assertEquals(0, rt.dumpTasks().tasks().size(), rt.dumpTasks().toString());
        }
    }
}
