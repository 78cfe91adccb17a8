package dev.weft.it;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.TaskDump;
import dev.weft.TaskSnapshot;
import dev.weft.sync.Channel;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * The task dump (issue 16, point 1): in process ({@code AsyncRuntime.dumpTasks()}), through the
 * runtime's MBean, and from outside ({@code java -jar weft-agent.jar tasks <pid>} against a child
 * JVM started with the agent, and one started without it). Every woven frame must name the line
 * of the await it is suspended at, found by marker comments.
 */
class TaskDumpTest {

    static final String FILE = "dev/weft/it/TaskDumpTest.java";

    /** The tasks of every scenario; the child JVM runs the same ones. */
    static final class Scenario {

        static Future<String> outer(Channel<String> ch) {
            String got = await(middle(ch)); // DUMP outer
            return Future.ready(got);
        }

        static Future<String> middle(Channel<String> ch) {
            await(Async.sleep(Duration.ofMillis(1))); // DUMP middle-first
            String s = await(ch.receive()); // DUMP middle-receive
            return Future.ready(s);
        }

        static Future<Void> sleeper() {
            await(Async.sleep(Duration.ofHours(1))); // DUMP sleeper
            return null;
        }

        static Future<Integer> joiner(JoinHandle<Void> other) {
            await(other); // DUMP joiner
            return Future.ready(1);
        }

        static Future<String> stage(CompletableFuture<String> never) {
            return Future.ready(await(never)); // DUMP stage
        }

        /** Spawns the four tasks; returns them. */
        static List<JoinHandle<?>> spawn(
                AsyncRuntime rt, Channel<String> ch, CompletableFuture<String> never) {
            List<JoinHandle<?>> hs = new ArrayList<>();
            hs.add(rt.spawn(outer(ch))); // DUMP spawn-outer
            JoinHandle<Void> s = rt.spawn(sleeper()); // DUMP spawn-sleeper
            hs.add(s);
            hs.add(rt.spawn(joiner(s))); // DUMP spawn-joiner
            hs.add(rt.spawn(stage(never))); // DUMP spawn-stage
            return hs;
        }
    }

    static Future<String> awaitsEager(Channel<String> ch) {
        return Future.ready(await(eager(ch))); // DUMP awaits-eager
    }

    static CompletableFuture<String> eager(Channel<String> ch) {
        return CompletableFuture.completedFuture(await(ch.receive()) + "!"); // DUMP eager
    }

    @Test
    void theChainGoesOnThroughAnEagerMethodsPromiseIntoItsFrames() throws Exception {
        try (AsyncRuntime rt = AsyncRuntime.builder().workers(1).build()) {
            Channel<String> ch = Channel.bounded(1);
            JoinHandle<String> h = rt.spawn(awaitsEager(ch));
            TaskDump d = settled(rt, 1);
            String prefix = TaskDumpTest.class.getName() + ".";
            assertEquals(
                    List.of(
                            prefix
                                    + "awaitsEager(TaskDumpTest.java:"
                                    + SourceLines.lineOf(FILE, "// DUMP " + "awaits-eager")
                                    + ")",
                            "CompletionStage java.util.concurrent.CompletableFuture (incomplete)",
                            prefix
                                    + "eager(TaskDumpTest.java:"
                                    + SourceLines.lineOf(FILE, "// DUMP " + "eager")
                                    + ")"),
                    d.tasks().get(0).awaitChain().subList(0, 3),
                    d.toString());
            assertTrue(
                    d.tasks()
                            .get(0)
                            .awaitChain()
                            .get(3)
                            .startsWith("Channel.receive() on Channel@"),
                    d.toString());
            ch.trySend("x");
            assertEquals("x!", rt.blockOn(h));
        }
    }

    /** Waits (bounded) until all {@code n} tasks are suspended past their first awaits. */
    static TaskDump settled(AsyncRuntime rt, int n) throws InterruptedException {
        TaskDump d = rt.dumpTasks();
        for (int i = 0; i < 2_000; i++) {
            d = rt.dumpTasks();
            if (d.tasks().size() == n && d.tasks().stream().allMatch(TaskDumpTest::settled)) {
                return d;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("tasks did not settle:\n" + d);
    }

    private static boolean settled(TaskSnapshot t) {
        return t.state() == TaskSnapshot.State.IDLE
                && !t.awaitChain()
                        .get(t.awaitChain().size() - 1)
                        .startsWith("Async.sleep(PT0.001S)");
    }

    static String at(String method, String marker) {
        return Scenario.class.getName()
                + "."
                + method
                + "(TaskDumpTest.java:"
                + SourceLines.lineOf(FILE, "// DUMP " + marker)
                + ")";
    }

    /** The chains every dump must show, each task's lines in order. */
    static List<List<String>> expectedChains() {
        return List.of(
                List.of(
                        at("outer", "outer"),
                        at("middle", "middle-receive"),
                        "Channel.receive() on Channel@"),
                List.of(at("sleeper", "sleeper"), "Async.sleep(PT1H), fires in "),
                List.of(at("joiner", "joiner"), "join of task "),
                List.of(
                        at("stage", "stage"),
                        "CompletionStage java.util.concurrent.CompletableFuture (incomplete)"));
    }

    /** Every expected chain appears in {@code text} as consecutive lines (the leaf line by its start). */
    static void assertChains(String text) {
        List<String> lines = text.lines().map(String::strip).collect(Collectors.toList());
        for (List<String> chain : expectedChains()) {
            int i = lines.indexOf(chain.get(0));
            assertTrue(i >= 0, "no frame " + chain.get(0) + " in:\n" + text);
            for (int k = 1; k < chain.size(); k++) {
                assertTrue(
                        i + k < lines.size() && lines.get(i + k).startsWith(chain.get(k)),
                        "after " + chain.get(0) + " expected " + chain.get(k) + " in:\n" + text);
            }
        }
    }

    @Test
    void dumpTasksShowsEveryTaskSuspendedAtTheLinesOfItsAwaits() throws Exception {
        try (AsyncRuntime rt = AsyncRuntime.builder().workers(2).build()) {
            Channel<String> ch = Channel.bounded(1);
            CompletableFuture<String> never = new CompletableFuture<>();
            List<JoinHandle<?>> hs = Scenario.spawn(rt, ch, never);
            TaskDump d = settled(rt, 4);
            assertChains(d.toString());
            assertTrue(
                    d.runtime().matches("runtime-\\d+ \\(2 workers, weft-worker-\\*\\)"),
                    d.runtime());
            assertTrue(d.toString().startsWith(d.runtime() + ": 4 live tasks\n"), d.toString());
            TaskSnapshot joiner =
                    d.tasks().stream()
                            .filter(t -> t.awaitChain().get(0).equals(at("joiner", "joiner")))
                            .findFirst()
                            .orElseThrow();
            long sleeperId =
                    d.tasks().stream()
                            .filter(t -> t.awaitChain().get(0).equals(at("sleeper", "sleeper")))
                            .findFirst()
                            .orElseThrow()
                            .id();
            assertEquals(
                    "join of task " + Long.toHexString(sleeperId) + " (idle)",
                    joiner.awaitChain().get(1));
            assertNull(
                    joiner.spawnSite(),
                    "spawn sites are recorded only with -Dweft.spawnSites=true");
            assertNull(joiner.age());

            ch.trySend("x");
            assertEquals("x", rt.blockOn(hs.get(0)));
            assertEquals(3, rt.dumpTasks().tasks().size(), "a completed task leaves the dump");
            for (JoinHandle<?> h : hs) {
                h.cancel();
            }
        }
    }

    @Test
    void theRuntimesMBeanDumpsTheSameTasksAndLeavesWithClose() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name;
        try (AsyncRuntime rt = AsyncRuntime.currentThread()) {
            Channel<String> ch = Channel.bounded(1);
            CompletableFuture<String> never = new CompletableFuture<>();
            Scenario.spawn(rt, ch, never);
            for (int i = 0;
                    i < 2_000 && !rt.dumpTasks().tasks().stream().allMatch(TaskDumpTest::settled);
                    i++) {
                rt.blockOn(
                        Async.sleep(
                                Duration.ofMillis(
                                        2))); // the tasks run (and suspend) only inside blockOn
            }
            String runtime = rt.dumpTasks().runtime();
            name =
                    new ObjectName(
                            "dev.weft:type=AsyncRuntime,name="
                                    + runtime.substring(0, runtime.indexOf(' ')));
            for (int i = 0; i < 2_000 && !server.isRegistered(name); i++) {
                Thread.sleep(5); // registered on a background thread when the server was not up yet
            }
            assertTrue(server.isRegistered(name), name + " not registered");
            String text = (String) server.invoke(name, "dumpTasks", new Object[0], new String[0]);
            assertChains(text);
            assertEquals(4, server.getAttribute(name, "LiveTasks"));
        }
        assertFalse(server.isRegistered(name), "close() unregisters the MBean");
    }

    /** The child JVM: spawns the scenario, says it is ready, waits until its stdin closes. */
    static final class Child {
        public static void main(String[] args) throws Exception {
            try (AsyncRuntime rt = AsyncRuntime.builder().workers(2).build()) {
                boolean woven = args.length > 0 && args[0].equals("woven");
                if (woven) {
                    Scenario.spawn(rt, Channel.bounded(1), new CompletableFuture<>());
                    settled(rt, 4);
                } else {
                    // unwoven (no agent): only leaves, spawned directly
                    rt.spawn(Async.sleep(Duration.ofHours(2)));
                    rt.spawn(Channel.<String>unbounded().receive());
                    for (int i = 0;
                            i < 2_000
                                    && rt.dumpTasks().tasks().stream()
                                            .anyMatch(t -> t.state() != TaskSnapshot.State.IDLE);
                            i++) {
                        Thread.sleep(5);
                    }
                }
                System.out.println("ready " + ProcessHandle.current().pid());
                System.out.flush();
                System.in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String agentJar() {
        return System.getProperty("weft.agent.jar", "../agent/target/weft-agent.jar");
    }

    /** Starts the child, runs the tasks command against it, returns the command's output. */
    static String dumpChild(boolean withAgent) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java()));
        if (withAgent) {
            cmd.add("-javaagent:" + agentJar());
            cmd.add("-Dweft.spawnSites=true");
        }
        cmd.addAll(
                List.of(
                        "-cp",
                        System.getProperty("java.class.path"),
                        Child.class.getName(),
                        withAgent ? "woven" : "plain"));
        Process child =
                new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String ready =
                    new java.io.BufferedReader(
                                    new java.io.InputStreamReader(
                                            child.getInputStream(), StandardCharsets.UTF_8))
                            .readLine();
            assertNotNull(ready, "the child JVM ended before it was ready");
            assertEquals("ready " + child.pid(), ready);
            Process tool =
                    new ProcessBuilder(
                                    java(), "-jar", agentJar(), "tasks", Long.toString(child.pid()))
                            .redirectErrorStream(true)
                            .start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            tool.getInputStream().transferTo(out);
            assertTrue(tool.waitFor(2, TimeUnit.MINUTES), "the tasks command did not finish");
            String text = out.toString(StandardCharsets.UTF_8);
            assertEquals(0, tool.exitValue(), text);
            return text;
        } finally {
            child.getOutputStream().close();
            if (!child.waitFor(1, TimeUnit.MINUTES)) {
                child.destroyForcibly();
            }
        }
    }

    @Test
    void theTasksCommandDumpsAChildJvmStartedWithTheAgent() throws Exception {
        String text = dumpChild(true);
        assertTrue(text.contains(": 4 live tasks\n"), text);
        assertChains(text);
        // -Dweft.spawnSites=true: each task names the line of its spawn
        String spawnedAt = "spawned at " + Scenario.class.getName() + ".spawn(TaskDumpTest.java:";
        for (String marker :
                new String[] {"spawn-outer", "spawn-sleeper", "spawn-joiner", "spawn-stage"}) {
            String site = spawnedAt + SourceLines.lineOf(FILE, "// DUMP " + marker) + ")";
            assertEquals(
                    1,
                    text.lines()
                            .filter(
                                    l ->
                                            l.matches("task [0-9a-f]+ idle, age \\d+\\.\\d{3}s, .*")
                                                    && l.endsWith(site))
                            .count(),
                    site + " in:\n" + text);
        }
    }

    @Test
    void theTasksCommandDumpsAChildJvmStartedWithoutTheAgent() throws Exception {
        String text = dumpChild(false);
        assertTrue(text.contains(": 2 live tasks\n"), text);
        List<String> lines = text.lines().map(String::strip).collect(Collectors.toList());
        assertTrue(
                lines.stream()
                        .anyMatch(
                                l ->
                                        l.matches(
                                                "Async\\.sleep\\(PT2H\\), fires in 71\\d\\d\\.\\d{3}s")),
                text);
        assertTrue(
                lines.stream().anyMatch(l -> l.startsWith("Channel.receive() on Channel@")), text);
    }
}
