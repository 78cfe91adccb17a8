package dev.weft.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line forgives and explains: options anywhere, --help, exit status on rejection, Java signatures. */
class CommandLineTest {

    private static final Path SAMPLES = Path.of("target/test-classes");
    private static final String RUNTIME =
            Path.of("../runtime/target/classes").toAbsolutePath().toString();

    private static final class Run {
        int code;
        String out;
        String err;
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Run r = new Run();
        r.code =
                Main.run(
                        args,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        r.out = out.toString(StandardCharsets.UTF_8);
        r.err = err.toString(StandardCharsets.UTF_8);
        return r;
    }

    /** A directory holding only the named sample classes. */
    private static Path samples(Path tmp, String... names) throws Exception {
        Path in = tmp.resolve("in");
        for (String n : names) {
            Path f = Path.of("dev/weft/agent/samples/" + n + ".class");
            Files.createDirectories(in.resolve(f).getParent());
            Files.copy(SAMPLES.resolve(f), in.resolve(f));
        }
        return in;
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        for (String h : new String[] {"--help", "-h"}) {
            Run r = run(h);
            assertEquals(0, r.code, r.err);
            assertTrue(r.out.contains("usage: java -jar weft-agent.jar check"), r.out);
            assertTrue(r.out.contains("-cp, --cp, --class-path"), r.out);
            assertTrue(r.out.contains("dump=<dir>,cache=<dir>,verify,noverify"), r.out);
        }
        Run later = run("check", "--help");
        assertEquals(0, later.code);
        assertTrue(later.out.contains("usage:"), later.out);
    }

    @Test
    void weaveExitsNonZeroWhenItRejectsAMethod(@TempDir Path tmp) throws Exception {
        Run r =
                run(
                        "weave",
                        "--cp",
                        RUNTIME,
                        samples(tmp, "Rejected").toString(),
                        tmp.resolve("out").toString());
        assertEquals(1, r.code, r.out + r.err);
        assertTrue(
                r.out.contains("dev.weft.agent.samples.Rejected.syncMethod(Rejected.java:"), r.out);
        assertTrue(
                r.out.contains("method(s) rejected: calling them throws IllegalStateException"),
                r.out);
        assertTrue(
                Files.exists(tmp.resolve("out/dev/weft/agent/samples/Rejected.class")),
                "still written");
    }

    @Test
    void everyClassPathSpellingIsAcceptedAndOptionsMayComeAnywhere(@TempDir Path tmp)
            throws Exception {
        Path in = samples(tmp, "Locals");
        String[][] lines = {
            {"weave", "-cp", RUNTIME, in.toString(), tmp.resolve("a").toString()},
            {"weave", in.toString(), "--cp", RUNTIME, tmp.resolve("b").toString()},
            {"weave", in.toString(), tmp.resolve("c").toString(), "--class-path", RUNTIME},
            {"--class-path=" + RUNTIME, "weave", in.toString(), tmp.resolve("d").toString()},
        };
        for (String[] line : lines) {
            Run r = run(line);
            assertEquals(0, r.code, String.join(" ", line) + "\n" + r.out + r.err);
            // with the runtime on the class path there is no "runtime missing" warning: the option
            // was taken
            assertFalse(
                    r.err.contains("weft-runtime is not on --cp"),
                    String.join(" ", line) + "\n" + r.err);
        }
        Run check = run(in.toString(), "-cp", RUNTIME, "check");
        // "check" after the path is a path, not the command: the usage says what is wrong
        assertEquals(2, check.code);
    }

    @Test
    void aWrongCommandLineSaysWhatIsWrongAndExitsTwo() {
        Run unknown = run("check", "--cpp", "x", "y");
        assertEquals(2, unknown.code);
        assertTrue(unknown.err.contains("weft: unknown option --cpp"), unknown.err);
        assertTrue(unknown.err.contains("usage:"), unknown.err);
        Run noPath = run("check", "--cp");
        assertEquals(2, noPath.code);
        assertTrue(noPath.err.contains("--cp needs a path after it"), noPath.err);
        Run weave = run("weave", "only-one");
        assertEquals(2, weave.code);
        assertTrue(weave.err.contains("weave needs exactly two paths"), weave.err);
        Run command = run("wave", "a", "b");
        assertEquals(2, command.code);
        assertTrue(command.err.contains("unknown command wave"), command.err);
        for (String[] tasks : new String[][] {{"tasks"}, {"tasks", "12x"}, {"tasks", "1", "2"}}) {
            Run t = run(tasks);
            assertEquals(2, t.code, String.join(" ", tasks));
            assertTrue(t.err.contains("tasks needs exactly one process id"), t.err);
        }
    }

    @Test
    void checkPrintsJavaSignaturesAndExplainsSavesNothing(@TempDir Path tmp) throws Exception {
        Run r =
                run(
                        "check",
                        "--cp",
                        RUNTIME,
                        samples(tmp, "Locals", "Eager", "Greeter").toString());
        assertEquals(0, r.code, r.out + r.err);
        assertTrue(
                r.out.contains(
                        "dev.weft.agent.samples.Locals.wideStack(long, double, int)  async (lazy Future)"),
                r.out);
        assertTrue(
                r.out.contains(
                        "dev.weft.agent.samples.Eager.stage(String)  async (eager CompletableFuture)"),
                r.out);
        assertFalse(r.out.contains(")Ldev/weft/Future;"), r.out);
        assertTrue(r.out.contains("saves nothing (no local is live across it)"), r.out);
        assertTrue(r.out.contains("fields: Object a0 (argument)"), r.out);
        assertTrue(r.out.contains("fields: Object a0 (this), Object a1 (argument)"), r.out);
    }

    @Test
    void javaSignatureFormatsArraysAndNestedTypes() {
        assertEquals(
                "fetch(String, long)",
                dev.weft.agent.weave.MethodReport.javaSignature(
                        "fetch", "(Ljava/lang/String;J)Ldev/weft/Future;"));
        assertEquals(
                "m(int[][], Map.Entry[], boolean)",
                dev.weft.agent.weave.MethodReport.javaSignature(
                        "m", "([[I[Ljava/util/Map$Entry;Z)V"));
    }
}
