package dev.weft.agent.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.agent.WeavingTransformer;
import dev.weft.agent.cli.BuildWeaver;
import dev.weft.agent.cli.Main;
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
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The blocking-call warning: every entry of {@link BlockingCalls#TABLE} is reported, and on
 * javac-compiled code every {@code // BLOCKING} line of {@code samples/Blocking.java} is
 * reported and nothing else is.
 */
class BlockingCallsTest {

    private static final String SAMPLES = "src/test/java/dev/weft/agent/samples/";
    private static final String BLOCKING = WeavingLoader.SAMPLES + "Blocking";

    private static WeaveResult weave(String name) throws Exception {
        byte[] bytes = WeavingLoader.original(name);
        return Weaver.weave(
                bytes,
                new ClassFileLocator.Compound(
                        ClassFileLocator.Simple.of(name, bytes),
                        ClassFileLocator.ForClassLoader.of(
                                BlockingCallsTest.class.getClassLoader())));
    }

    private static List<Warning> blocking(WeaveResult r) {
        List<Warning> out = new ArrayList<>();
        for (Warning w : r.warnings) {
            if (w.kind == Warning.Kind.BLOCKING_CALL) {
                out.add(w);
            }
        }
        return out;
    }

    /** Line to marker name of every {@code // BLOCKING name} in the sample's source. */
    private static Map<Integer, String> markers() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(SAMPLES + "Blocking.java"));
        Map<Integer, String> found = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int at = lines.get(i).indexOf("// BLOCKING ");
            if (at >= 0) {
                found.put(i + 1, lines.get(i).substring(at + "// BLOCKING ".length()).trim());
            }
        }
        return found;
    }

    @Test
    void everyTableEntryProducesOneWarningAtItsLine() {
        ClassNode cn = new ClassNode();
        cn.name = "com/example/App";
        cn.sourceFile = "App.java";
        MethodNode m = new MethodNode(Opcodes.ACC_STATIC, "run", "()Ldev/weft/Future;", null, null);
        InsnList code = new InsnList();
        int line = 100;
        for (BlockingCalls.Entry e : BlockingCalls.TABLE) {
            LabelNode l = new LabelNode();
            code.add(l);
            code.add(new LineNumberNode(line++, l));
            // a call with the entry's owner (or a user class for Object.wait), name and descriptor
            String desc =
                    e.descriptorPrefix.isEmpty()
                            ? "()V"
                            : e.descriptorPrefix.endsWith(")V")
                                    ? e.descriptorPrefix
                                    : e.descriptorPrefix + ")V";
            code.add(
                    new MethodInsnNode(
                            Opcodes.INVOKEVIRTUAL,
                            e.owner == null ? "com/example/Lock" : e.owner,
                            e.name,
                            desc,
                            false));
        }
        m.instructions = code;
        List<Warning> ws = BlockingCalls.find(cn, m);
        assertEquals(BlockingCalls.TABLE.size(), ws.size(), ws.toString());
        for (int i = 0; i < ws.size(); i++) {
            BlockingCalls.Entry e = BlockingCalls.TABLE.get(i);
            Warning w = ws.get(i);
            assertEquals(100 + i, w.line);
            assertEquals(Warning.Kind.BLOCKING_CALL, w.kind);
            assertTrue(
                    w.message.startsWith("com.example.App.run(App.java:" + (100 + i) + "): "),
                    w.message);
            assertTrue(
                    w.message.contains(" blocks the worker thread that runs this task"), w.message);
            assertTrue(w.message.endsWith(e.advice), w.message);
            assertTrue(
                    w.message.contains("Async.sleep")
                            || w.message.contains("await")
                            || w.message.contains("spawnBlocking"),
                    w.message);
        }
    }

    @Test
    void unrelatedCallsAreNotInTheTable() {
        String[][] calls = {
            {"java/util/Optional", "get", "()Ljava/lang/Object;"},
            {"java/util/function/Supplier", "get", "()Ljava/lang/Object;"},
            {"java/util/Map", "get", "(Ljava/lang/Object;)Ljava/lang/Object;"},
            {
                "java/lang/String",
                "join",
                "(Ljava/lang/CharSequence;[Ljava/lang/CharSequence;)Ljava/lang/String;"
            },
            {"java/lang/Thread", "currentThread", "()Ljava/lang/Thread;"},
            {"java/net/Socket", "<init>", "()V"},
            {"java/net/Socket", "<init>", "(Ljava/net/Proxy;)V"},
            {"java/net/Socket", "getInputStream", "()Ljava/io/InputStream;"},
            {"java/io/InputStream", "read", "()I"},
            {"java/sql/ResultSet", "getInt", "(I)I"},
            {"java/sql/SQLException", "getMessage", "()Ljava/lang/String;"},
            {"com/example/Thread", "sleep", "(J)V"},
            {
                "java/lang/Object", "wait", "(Ljava/lang/String;)V"
            }, // not Object's: a user's overload
            {"dev/weft/Async", "sleep", "(Ljava/time/Duration;)Ldev/weft/Future;"},
        };
        for (String[] c : calls) {
            assertNull(
                    BlockingCalls.lookup(
                            new MethodInsnNode(Opcodes.INVOKEVIRTUAL, c[0], c[1], c[2], false)),
                    String.join(".", c));
        }
    }

    @Test
    void javacCompiledBlockingCallsInWovenMethodsAreReportedAndNothingElse() throws Exception {
        Map<Integer, String> expected = markers();
        assertEquals(11, expected.size(), "markers: " + expected);
        WeaveResult r = weave(BLOCKING);
        assertTrue(r.woven);
        assertTrue(r.rejections.isEmpty(), r.rejections.toString());
        Map<Integer, String> got = new TreeMap<>();
        for (Warning w : blocking(r)) {
            assertEquals(null, got.put(w.line, w.message), "one warning per line");
        }
        assertEquals(expected.keySet(), got.keySet(), String.join("\n", got.values()));
        Map<String, String> byMarker = new TreeMap<>();
        expected.forEach((line, marker) -> byMarker.put(marker, got.get(line)));
        int sleepLine =
                expected.entrySet().stream()
                        .filter(e -> e.getValue().equals("sleep"))
                        .findFirst()
                        .get()
                        .getKey();
        assertEquals(
                BLOCKING
                        + ".sleeps(Blocking.java:"
                        + sleepLine
                        + "): java.lang.Thread.sleep blocks the worker"
                        + " thread that runs this task, and every task queued behind it: use await(Async.sleep(duration))",
                byMarker.get("sleep"));
        assertTrue(
                byMarker.get("join").contains("java.util.concurrent.CompletableFuture.join blocks")
                        && byMarker.get("join").contains("Async.await takes a CompletionStage"),
                byMarker.get("join"));
        assertTrue(
                byMarker.get("query").contains("java.sql.PreparedStatement.executeQuery blocks")
                        && byMarker.get("query").contains("Async.spawnBlocking"),
                byMarker.get("query"));
        assertTrue(
                byMarker.get("socket").contains("new java.net.Socket(...) (it connects) blocks"),
                byMarker.get("socket"));
        assertTrue(
                byMarker.get("wait").contains("java.lang.Object.wait blocks"),
                byMarker.get("wait"));
        assertTrue(
                byMarker.get("lambda")
                        .startsWith("in a lambda in " + BLOCKING + ".inALambda(Blocking.java:"),
                byMarker.get("lambda"));
    }

    @Test
    void theAgentLogsBlockingCallsOnlyWhenAsked() throws Exception {
        byte[] bytes = WeavingLoader.original(BLOCKING);
        String internal = BLOCKING.replace('.', '/');
        String quiet = log(new WeavingTransformer(null, true), internal, bytes);
        assertFalse(quiet.contains("blocks the worker"), quiet);
        String asked = log(new WeavingTransformer(null, true, null, true), internal, bytes);
        List<String> expected = new ArrayList<>();
        for (Warning w : blocking(weave(BLOCKING))) {
            expected.add("[weft] warning: " + w.message);
        }
        assertEquals(expected, asked.lines().filter(l -> l.contains("blocks the worker")).toList());
    }

    private static String log(WeavingTransformer t, String internal, byte[] bytes)
            throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            t.transform(new WeavingLoader(), internal, null, null, bytes);
        } finally {
            System.setErr(original);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void checkReportsThemAndFailOnWarningFails(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("in/dev/weft/agent/samples");
        Files.createDirectories(dir);
        for (String c : new String[] {"Blocking", "Blocking$LookAlike"}) {
            Files.copy(
                    Path.of("target/test-classes/dev/weft/agent/samples/" + c + ".class"),
                    dir.resolve(c + ".class"));
        }
        String cp = Path.of("target/test-classes").toAbsolutePath().toString();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(sink, true, StandardCharsets.UTF_8);
        assertEquals(
                0,
                Main.run(new String[] {"check", "--cp", cp, tmp.resolve("in").toString()}, ps, ps));
        String out = sink.toString(StandardCharsets.UTF_8);
        for (Warning w : blocking(weave(BLOCKING))) {
            assertTrue(
                    out.lines().anyMatch(("warning: " + w.message)::equals),
                    "missing " + w.message + " in:\n" + out);
        }
        assertTrue(out.contains("11 warning(s): a blocking call stalls the worker thread"), out);
        // the Maven plugin's path: BuildWeaver hands the same messages to failOnWarning
        BuildWeaver build = new BuildWeaver(tmp.resolve("in"), List.of(Path.of(cp)));
        List<String> messages = new ArrayList<>();
        blocking(weave(BLOCKING)).forEach(w -> messages.add(w.message));
        assertEquals(
                messages,
                build.weave(
                                "dev/weft/agent/samples/Blocking.class",
                                Files.readAllBytes(dir.resolve("Blocking.class")),
                                false)
                        .warnings);
        sink.reset();
        assertEquals(
                1,
                Main.run(
                        new String[] {
                            "check", "--fail-on-warning", "--cp", cp, tmp.resolve("in").toString()
                        },
                        ps,
                        ps));
    }
}
