package dev.weft.agent.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.agent.WeavingTransformer;
import dev.weft.agent.testkit.WeavingLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.SimpleRemapper;

/** The scan's verdicts, the filter, and the transformer's pass-through and report-once rules. */
class ScanAndTransformerTest {

    private static final String LOCALS = "dev.weft.agent.samples.Locals";

    @Test
    void scanVerdicts() {
        byte[] sample = WeavingLoader.original(LOCALS);
        assertEquals(ConstantPoolScan.Verdict.CANDIDATE, ConstantPoolScan.scan(sample));
        assertEquals(
                ConstantPoolScan.Verdict.UNRELATED,
                ConstantPoolScan.scan(WeavingLoader.original("dev.weft.testkit.Poller")));
        assertEquals(ConstantPoolScan.Verdict.CORRUPT, ConstantPoolScan.scan(new byte[] {1, 2, 3}));
        assertEquals(
                ConstantPoolScan.Verdict.CORRUPT, ConstantPoolScan.scan(Arrays.copyOf(sample, 40)));
    }

    @Test
    void filterSkipsTheJdkAndWeftButNotWeftTestsOrExamples() {
        assertFalse(ClassFilter.mayWeave("java/lang/String"));
        assertFalse(ClassFilter.mayWeave("jdk/internal/misc/Unsafe"));
        assertFalse(ClassFilter.mayWeave("com/sun/net/httpserver/HttpServer"));
        assertFalse(ClassFilter.mayWeave("dev/weft/Async"));
        assertFalse(ClassFilter.mayWeave("dev/weft/net/TcpStream"));
        assertFalse(ClassFilter.mayWeave("dev/weft/sync/Channel"));
        assertFalse(ClassFilter.mayWeave("dev/weft/internal/coroutine/Coroutine"));
        assertFalse(ClassFilter.mayWeave("dev/weft/agent/weave/Weaver"));
        assertTrue(ClassFilter.mayWeave("dev/weft/it/LocalsTest"));
        assertTrue(ClassFilter.mayWeave("dev/weft/examples/TimerChain"));
        assertTrue(ClassFilter.mayWeave("dev/weft/agent/samples/Locals"));
        assertTrue(ClassFilter.mayWeave("com/example/App"));
    }

    @Test
    void transformerPassesThroughAndNeverWeavesTwice() {
        WeavingTransformer t = new WeavingTransformer();
        ClassLoader app = getClass().getClassLoader();
        byte[] sample = WeavingLoader.original(LOCALS);
        String name = LOCALS.replace('.', '/');
        assertNull(t.transform(null, name, null, null, sample), "bootstrap loader");
        assertNull(t.transform(app, "java/lang/Fake", null, null, sample), "JDK package");
        byte[] woven = t.transform(app, name, null, null, sample);
        assertNotNull(woven);
        assertEquals(ConstantPoolScan.Verdict.WOVEN, ConstantPoolScan.scan(woven));
        assertNull(t.transform(app, name, null, null, woven), "already woven");
        assertNull(
                t.transform(
                        app,
                        "dev/weft/testkit/Poller",
                        null,
                        null,
                        WeavingLoader.original("dev.weft.testkit.Poller")),
                "no weft reference");
    }

    @Test
    void classDefinedWithoutANameIsWovenUnderTheNameInItsClassFile() {
        // ClassLoader.defineClass(null, bytes, ...) hands the transformer a null name (issue 12,
        // point 7)
        WeavingTransformer t = new WeavingTransformer();
        ClassLoader app = getClass().getClassLoader();
        byte[] sample = WeavingLoader.original(LOCALS);
        byte[] woven = t.transform(app, null, null, null, sample);
        assertNotNull(woven);
        assertEquals(ConstantPoolScan.Verdict.WOVEN, ConstantPoolScan.scan(woven));
        assertEquals(LOCALS.replace('.', '/'), new ClassReader(woven).getClassName());
        assertNull(
                t.transform(app, null, null, null, renamed(sample, "java/lang/Fake")),
                "JDK package");
        assertNull(
                t.transform(app, null, null, null, renamed(sample, "dev/weft/internal/Fake")),
                "weft itself");
        assertNull(t.transform(null, null, null, null, sample), "bootstrap loader");
    }

    private static byte[] renamed(byte[] bytes, String name) {
        ClassWriter w = new ClassWriter(0);
        new ClassReader(bytes)
                .accept(
                        new ClassRemapper(
                                w,
                                new SimpleRemapper(Opcodes.ASM9, LOCALS.replace('.', '/'), name)),
                        0);
        return w.toByteArray();
    }

    @Test
    void corruptClassIsReportedOnceAndPassedThrough() {
        WeavingTransformer t = new WeavingTransformer();
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            byte[] sample = WeavingLoader.original(LOCALS);
            byte[] broken =
                    Arrays.copyOf(sample, sample.length - 100); // pool intact, body truncated
            byte[] future = sample.clone();
            future[6] = 0; // major version 153: a class file from a JDK this ASM does not know
            future[7] = (byte) 153;
            for (int i = 0; i < 3; i++) {
                assertNull(
                        t.transform(
                                getClass().getClassLoader(),
                                "com/example/Future",
                                null,
                                null,
                                future));
                assertNull(
                        t.transform(
                                getClass().getClassLoader(),
                                "com/example/Broken",
                                null,
                                null,
                                broken));
                assertNull(
                        t.transform(
                                getClass().getClassLoader(),
                                "com/example/Garbage",
                                null,
                                null,
                                new byte[7]));
            }
        } finally {
            System.setErr(original);
        }
        String log = err.toString(StandardCharsets.UTF_8);
        assertEquals(3, log.lines().count(), log);
        assertTrue(log.contains("[weft] com.example.Future: "), log);
        assertTrue(log.contains("[weft] com.example.Broken: "), log);
        assertTrue(log.contains("[weft] com.example.Garbage: "), log);
    }
}
