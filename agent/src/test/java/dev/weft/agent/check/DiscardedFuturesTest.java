package dev.weft.agent.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.agent.WeavingTransformer;
import dev.weft.agent.cli.Main;
import dev.weft.agent.scan.ConstantPoolScan;
import dev.weft.agent.testkit.WeavingLoader;
import dev.weft.agent.weave.WeaveResult;
import dev.weft.agent.weave.Weaver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.bytebuddy.dynamic.ClassFileLocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The must-use warning on javac-compiled samples: every {@code // DISCARD} line of
 * {@code samples/Discards.java} is reported and nothing else is (spawned, awaited, returned,
 * stored in fields, arrays or collections, passed on, or stored in a local that is read).
 */
class DiscardedFuturesTest {

    private static final String SAMPLES = "src/test/java/dev/weft/agent/samples/";
    private static final String DISCARDS = WeavingLoader.SAMPLES + "Discards";
    private static final String WITHOUT_ASYNC = WeavingLoader.SAMPLES + "DiscardsWithoutAsync";

    /** Line to marker name of every {@code // DISCARD name} in a sample's source. */
    private static Map<Integer, String> markers(String simpleName) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(SAMPLES + simpleName + ".java"));
        Map<Integer, String> found = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int at = lines.get(i).indexOf("// DISCARD ");
            if (at >= 0) {
                found.put(i + 1, lines.get(i).substring(at + "// DISCARD ".length()).trim());
            }
        }
        return found;
    }

    private static WeaveResult weave(String name) throws Exception {
        byte[] bytes = WeavingLoader.original(name);
        return Weaver.weave(
                bytes,
                new ClassFileLocator.Compound(
                        ClassFileLocator.Simple.of(name, bytes),
                        ClassFileLocator.ForClassLoader.of(
                                DiscardedFuturesTest.class.getClassLoader())));
    }

    private static String where(String simpleName, String method, int line) {
        return WeavingLoader.SAMPLES
                + simpleName
                + "."
                + method
                + "("
                + simpleName
                + ".java:"
                + line
                + ")";
    }

    @Test
    void everyDiscardedFutureIsReportedAndNothingElse() throws Exception {
        Map<Integer, String> expected = markers("Discards");
        assertEquals(7, expected.size(), "markers: " + expected);
        WeaveResult r = weave(DISCARDS);
        Map<Integer, String> got = new TreeMap<>();
        for (Warning w : r.warnings) {
            got.put(w.line, w.message);
        }
        assertEquals(expected.keySet(), got.keySet(), String.join("\n", got.values()));
        assertEquals(expected.size(), r.warnings.size(), "one warning per call site");
        assertTrue(r.woven, "the class is woven as usual");
        assertTrue(r.rejections.isEmpty(), r.rejections.toString());
    }

    @Test
    void messagesNameTheCallerTheCalleeAndTheFix() throws Exception {
        Map<Integer, String> byName = new TreeMap<>();
        markers("Discards").forEach((line, name) -> byName.put(line, name));
        Map<String, String> message = new TreeMap<>();
        Map<String, Warning> warning = new TreeMap<>();
        for (Warning w : weave(DISCARDS).warnings) {
            message.put(byName.get(w.line), w.message);
            warning.put(byName.get(w.line), w);
        }
        int popped = line("Discards", "popped-plain");
        assertEquals(
                where("Discards", "poppedInPlainMethod", popped)
                        + ": the dev.weft.Future returned by "
                        + DISCARDS
                        + ".load is discarded: it does nothing until it is awaited or spawned"
                        + " (await it, pass it to Async.spawn, or return it)",
                message.get("popped-plain"));
        assertTrue(
                message.get("stored")
                        .startsWith(
                                where("Discards", "storedNeverRead", line("Discards", "stored"))
                                        + ": the dev.weft.Future returned by "
                                        + DISCARDS
                                        + ".load is stored in local 'unused' and never read"),
                message.get("stored"));
        assertTrue(
                message.get("lambda")
                        .startsWith(
                                "in a lambda in "
                                        + where("Discards", "inALambda", line("Discards", "lambda"))
                                        + ": "),
                message.get("lambda"));
        assertEquals("inALambda", warning.get("lambda").method);
        assertEquals(DISCARDS, warning.get("lambda").className);
        assertTrue(
                message.get("sleep").contains("returned by dev.weft.Async.sleep is discarded"),
                message.get("sleep"));
        assertTrue(
                message.get("interface")
                        .contains("returned by " + DISCARDS + "$Api.get is discarded"),
                message.get("interface"));
        for (String m : message.values()) {
            assertFalse(m.contains("lambda$"), m);
        }
    }

    private static int line(String simpleName, String marker) throws IOException {
        for (Map.Entry<Integer, String> e : markers(simpleName).entrySet()) {
            if (e.getValue().equals(marker)) {
                return e.getKey();
            }
        }
        throw new AssertionError("no marker " + marker);
    }

    @Test
    void aClassThatOnlyCallsAFutureMethodIsScannedAndLeftUnchanged() throws Exception {
        byte[] bytes = WeavingLoader.original(WITHOUT_ASYNC);
        assertEquals(ConstantPoolScan.Verdict.CANDIDATE, ConstantPoolScan.scan(bytes));
        WeaveResult r = weave(WITHOUT_ASYNC);
        assertFalse(r.woven);
        assertArrayEquals(bytes, r.bytes);
        assertTrue(r.methods.isEmpty() && r.rejections.isEmpty() && r.companions.isEmpty());
        assertEquals(1, r.warnings.size());
        assertEquals(
                where("DiscardsWithoutAsync", "run", line("DiscardsWithoutAsync", "no-async")),
                r.warnings
                        .get(0)
                        .message
                        .substring(0, r.warnings.get(0).message.indexOf("): ") + 1));
    }

    @Test
    void theAgentLogsEachCallSiteOnceAndLoadsWarnedClassesUnchanged() throws Exception {
        WeavingTransformer t = new WeavingTransformer();
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        byte[] bytes = WeavingLoader.original(WITHOUT_ASYNC);
        String internal = WITHOUT_ASYNC.replace('.', '/');
        try {
            // the same class defined by two loaders: one line
            assertNull(t.transform(getClass().getClassLoader(), internal, null, null, bytes));
            assertNull(t.transform(new WeavingLoader(), internal, null, null, bytes));
        } finally {
            System.setErr(original);
        }
        String log = err.toString(StandardCharsets.UTF_8);
        assertEquals(
                List.of("[weft] warning: " + weave(WITHOUT_ASYNC).warnings.get(0).message),
                log.lines().toList());
    }

    private static final class Run {
        int code;
        String out;
    }

    private static Run cli(String... args) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(sink, true, StandardCharsets.UTF_8);
        Run r = new Run();
        r.code = Main.run(args, ps, ps);
        r.out = sink.toString(StandardCharsets.UTF_8);
        return r;
    }

    private static Path inputs(Path tmp) throws IOException {
        Path in = tmp.resolve("in");
        Path dir = in.resolve("dev/weft/agent/samples");
        Files.createDirectories(dir);
        for (String c : new String[] {"Discards", "Discards$Api", "DiscardsWithoutAsync"}) {
            Files.copy(
                    Path.of("target/test-classes/dev/weft/agent/samples/" + c + ".class"),
                    dir.resolve(c + ".class"));
        }
        return in;
    }

    @Test
    void checkListsWarningsWithoutChangingTheExitStatusUnlessAsked(@TempDir Path tmp)
            throws Exception {
        Path in = inputs(tmp);
        String cp = Path.of("target/test-classes").toAbsolutePath().toString();
        Run check = cli("check", "--cp", cp, in.toString());
        assertEquals(0, check.code, check.out);
        List<String> expected = new ArrayList<>();
        for (Warning w : weave(DISCARDS).warnings) {
            expected.add("warning: " + w.message);
        }
        expected.add("warning: " + weave(WITHOUT_ASYNC).warnings.get(0).message);
        for (String e : expected) {
            assertTrue(
                    check.out.lines().anyMatch(e::equals), "missing " + e + " in:\n" + check.out);
        }
        assertTrue(check.out.contains("8 warning(s)"), check.out);
        assertTrue(check.out.contains(" 0 problem(s)"), check.out);
        Run strict = cli("check", "--cp", cp, "--fail-on-warning", in.toString());
        assertEquals(1, strict.code, strict.out);
    }

    @Test
    void weaveReportsWarningsAndFailsOnlyWhenAsked(@TempDir Path tmp) throws Exception {
        Path in = inputs(tmp);
        String cp = Path.of("target/test-classes").toAbsolutePath().toString();
        Run weave = cli("weave", "--cp", cp, in.toString(), tmp.resolve("out").toString());
        assertEquals(0, weave.code, weave.out);
        assertTrue(
                weave.out.contains(
                        "[weft] warning: " + weave(WITHOUT_ASYNC).warnings.get(0).message),
                weave.out);
        assertTrue(weave.out.contains("wove 1 class(es)"), weave.out);
        String rel = "dev/weft/agent/samples/DiscardsWithoutAsync.class";
        assertArrayEquals(
                Files.readAllBytes(in.resolve(rel)),
                Files.readAllBytes(tmp.resolve("out").resolve(rel)),
                "a class with only warnings is copied unchanged");
        Run strict =
                cli(
                        "weave",
                        "--fail-on-warning",
                        "--cp",
                        cp,
                        in.toString(),
                        tmp.resolve("out2").toString());
        assertEquals(1, strict.code, strict.out);
    }
}
