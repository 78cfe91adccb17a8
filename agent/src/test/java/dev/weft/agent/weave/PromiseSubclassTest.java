package dev.weft.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.agent.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eager methods returning a CompletableFuture subclass: woven to return that subclass, listed by
 * {@code check}; one weft cannot create is rejected with the reason (issue 12 point 6).
 */
class PromiseSubclassTest {

    private static final String TASKS = "dev/weft/agent/samples/Tasks";
    private static final String ABSTRACT =
            "await in a method whose return type weft cannot use: the return type"
                    + " dev.weft.agent.samples.Tasks$AbstractTask is abstract: weft must create the object it returns";

    @Test
    void theWovenMethodReturnsTheDeclaredSubclass() throws Throwable {
        for (boolean pending : new boolean[] {false, true}) {
            SampleRunner.mode(pending);
            try {
                Object r = SampleRunner.invoke(SampleRunner.sample("Tasks"), "twice", 21);
                assertSame(SampleRunner.sample("Tasks$Task"), r.getClass());
                assertEquals(42, SampleRunner.complete(r));
            } finally {
                SampleRunner.mode(false);
            }
        }
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> SampleRunner.invoke(SampleRunner.sample("Tasks"), "notCreatable"));
        assertTrue(e.getMessage().endsWith(ABSTRACT), e.getMessage());
    }

    @Test
    void checkListsTheMethodAndTheRejection(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in.resolve("dev/weft/agent/samples"));
        Files.copy(Path.of("target/test-classes", TASKS + ".class"), in.resolve(TASKS + ".class"));
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(sink, true, StandardCharsets.UTF_8);
        int code =
                Main.run(
                        new String[] {
                            "check",
                            "--cp",
                            Path.of("target/test-classes").toAbsolutePath().toString(),
                            in.toString()
                        },
                        ps,
                        ps);
        String out = sink.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, out);
        assertTrue(
                out.contains(
                        "dev.weft.agent.samples.Tasks.twice(int)  async (eager"
                                + " CompletableFuture subclass dev.weft.agent.samples.Tasks$Task)"),
                out);
        assertTrue(out.contains("dev.weft.agent.samples.Tasks.notCreatable(Tasks.java:"), out);
        assertTrue(out.contains(ABSTRACT), out);
    }
}
