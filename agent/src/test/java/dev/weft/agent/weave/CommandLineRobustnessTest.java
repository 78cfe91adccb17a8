package dev.weft.agent.weave;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.agent.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weave} and {@code check} never stop at one bad class (they report it, go on, exit 1), and
 * skip class-path entries that do not exist, as java and javac do.
 */
class CommandLineRobustnessTest {

    private static final String LOCALS = "dev/weft/agent/samples/Locals.class";
    private static final String BROKEN = "dev/weft/agent/samples/Broken.class";

    /** A directory with a good sample and a class that passes the scan but cannot be parsed. */
    private static Path inputs(Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in.resolve("dev/weft/agent/samples"));
        byte[] good = Files.readAllBytes(Path.of("target/test-classes").resolve(LOCALS));
        Files.write(in.resolve(LOCALS), good);
        // the constant pool (which names dev/weft/Async) is intact; the rest is cut off
        int constantPoolEnd = new org.objectweb.asm.ClassReader(good).header;
        Files.write(in.resolve(BROKEN), Arrays.copyOf(good, constantPoolEnd + 4));
        return in;
    }

    private static final class Run {
        int code;
        String out;
    }

    private static Run run(String... args) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(sink, true, StandardCharsets.UTF_8);
        Run r = new Run();
        r.code = Main.run(args, ps, ps);
        r.out = sink.toString(StandardCharsets.UTF_8);
        return r;
    }

    @Test
    void weaveReportsABadClassAndWritesTheOthers(@TempDir Path tmp) throws Exception {
        Path in = inputs(tmp);
        Path out = tmp.resolve("out");
        Run r = run("weave", in.toString(), out.toString());
        assertEquals(1, r.code, r.out);
        assertTrue(
                r.out.contains(
                        "[weft] dev.weft.agent.samples.Broken: weaving failed, left unwoven: "),
                r.out);
        assertTrue(Files.exists(out.resolve(LOCALS)), r.out);
        assertTrue(
                !Arrays.equals(
                        Files.readAllBytes(in.resolve(LOCALS)),
                        Files.readAllBytes(out.resolve(LOCALS))),
                "Locals must be woven");
        assertArrayEquals(
                Files.readAllBytes(in.resolve(BROKEN)),
                Files.readAllBytes(out.resolve(BROKEN)),
                "the bad class is copied unchanged");
    }

    @Test
    void checkReportsABadClassAndChecksTheOthers(@TempDir Path tmp) throws Exception {
        Run r = run("check", inputs(tmp).toString());
        assertEquals(1, r.code, r.out);
        assertTrue(
                r.out.contains(
                        "[weft] dev.weft.agent.samples.Broken: weaving failed, left unwoven: "),
                r.out);
        assertTrue(
                r.out.contains("dev.weft.agent.samples.Locals.loop(int)  async (lazy Future)"),
                r.out);
        assertTrue(r.out.contains(" 1 problem(s)"), r.out);
    }

    @Test
    void missingClassPathEntriesAreSkipped(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in.resolve("dev/weft/agent/samples"));
        Files.copy(Path.of("target/test-classes").resolve(LOCALS), in.resolve(LOCALS));
        String cp =
                tmp.resolve("no-such-dir")
                        + File.pathSeparator
                        + tmp.resolve("no-such.jar")
                        + File.pathSeparator
                        + Path.of("target/test-classes").toAbsolutePath();
        Run weave = run("weave", "--cp", cp, in.toString(), tmp.resolve("out").toString());
        assertEquals(0, weave.code, weave.out);
        assertTrue(Files.exists(tmp.resolve("out").resolve(LOCALS)), weave.out);
        Run check = run("check", "--cp", cp, in.toString());
        assertEquals(0, check.code, check.out);
        assertTrue(check.out.contains(" 0 problem(s)"), check.out);
    }
}
