package dev.weft.agent.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.agent.WeavingTransformer;
import dev.weft.agent.hierarchy.TypeHierarchy;
import dev.weft.agent.testkit.WeavingLoader;
import dev.weft.agent.weave.Weaver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.bytebuddy.dynamic.ClassFileLocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * The woven-class cache defines what weaving would: a hit returns the bytes and the messages of
 * the weave that stored it, and anything that could make them differ (other input bytes, another
 * agent build, a changed type header the weave read) is a miss.
 */
class WovenCacheTest {

    private static final String LOCALS = "dev.weft.agent.samples.Locals";
    private static final String REJECTED = "dev.weft.agent.samples.Rejected";

    @TempDir Path dir;

    private final ClassLoader app = getClass().getClassLoader();

    private WeavingTransformer transformer(String agentId) {
        return new WeavingTransformer(null, true, new WovenCache(dir, agentId));
    }

    private byte[] transform(WeavingTransformer t, String className) {
        return t.transform(
                app, className.replace('.', '/'), null, null, WeavingLoader.original(className));
    }

    @Test
    void aSecondStartDefinesTheSameBytesWithoutWeaving() {
        WeavingTransformer first = transformer("agent-1");
        byte[] woven = transform(first, LOCALS);
        assertNotNull(woven);
        assertEquals(0, first.cache().hits());
        assertEquals(1, first.cache().misses());

        WeavingTransformer second = transformer("agent-1");
        assertArrayEquals(woven, transform(second, LOCALS));
        assertEquals(1, second.cache().hits());
        assertArrayEquals(
                woven,
                transform(new WeavingTransformer(), LOCALS),
                "the cached bytes are what weaving writes");
    }

    @Test
    void anotherAgentBuildOrOtherInputBytesMiss() {
        byte[] woven = transform(transformer("agent-1"), LOCALS);
        WeavingTransformer upgraded = transformer("agent-2");
        assertArrayEquals(woven, transform(upgraded, LOCALS));
        assertEquals(0, upgraded.cache().hits());

        byte[] changed = WeavingLoader.original(LOCALS).clone();
        changed[changed.length - 1] ^=
                1; // the stored input is compared in full, whatever the file name
        WovenCache c = new WovenCache(dir, "agent-2");
        assertNull(
                c.lookup(
                        LOCALS.replace('.', '/'),
                        changed,
                        new TypeHierarchy(ClassFileLocator.ForClassLoader.of(app))));
    }

    @Test
    void rejectionsAreReportedAgainOnAHit() {
        String first = stderrOf(() -> transform(transformer("agent-1"), REJECTED));
        assertTrue(first.contains("Rejected."), first);
        WeavingTransformer second = transformer("agent-1");
        String again = stderrOf(() -> transform(second, REJECTED));
        assertEquals(1, second.cache().hits());
        assertEquals(first, again);
    }

    @Test
    void aTypeHeaderThatReadsDifferentlyTodayIsAMiss() throws Exception {
        String name = LOCALS.replace('.', '/');
        byte[] in = WeavingLoader.original(LOCALS);
        transform(transformer("agent-1"), LOCALS);
        WovenCache c = new WovenCache(dir, "agent-1");
        assertNotNull(
                c.lookup(name, in, new TypeHierarchy(ClassFileLocator.ForClassLoader.of(app))),
                "today's class files: a hit");

        List<String> consulted = consultedTypes(name, in);
        assertFalse(consulted.isEmpty(), "the weave consulted no type header");
        for (String victim : consulted) {
            // the type now reads as an interface (an interface as a class): frames merged through
            // it could differ.
            ClassFileLocator changed =
                    new ClassFileLocator.Compound(
                            ClassFileLocator.Simple.of(
                                    victim.replace('/', '.'), headerFlipped(victim)),
                            ClassFileLocator.ForClassLoader.of(app));
            assertNull(c.lookup(name, in, new TypeHierarchy(changed)), victim + " changed: a miss");
        }
    }

    /** The types a weave of {@code in} read from other class files. */
    private List<String> consultedTypes(String name, byte[] in) throws Exception {
        TypeHierarchy h = new TypeHierarchy(ClassFileLocator.ForClassLoader.of(app));
        Map<String, String> rec = h.record();
        Weaver.weave(in, h, true);
        return rec.keySet().stream()
                .filter(
                        k ->
                                !k.startsWith("file:")
                                        && !h.isDeclared(k)
                                        && !k.equals("java/lang/Object"))
                .collect(Collectors.toList());
    }

    /** A header for {@code internalName} that reads differently from today's: kind flipped. */
    private static byte[] headerFlipped(String internalName) {
        boolean wasInterface =
                new TypeHierarchy(
                                ClassFileLocator.ForClassLoader.of(
                                        WovenCacheTest.class.getClassLoader()))
                        .isInterface(internalName);
        int kind = wasInterface ? 0 : Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT;
        ClassWriter w = new ClassWriter(0);
        w.visit(
                Opcodes.V17,
                Opcodes.ACC_PUBLIC | kind,
                internalName,
                null,
                "java/lang/Object",
                null);
        w.visitEnd();
        return w.toByteArray();
    }

    @Test
    void anUnreadableEntryIsAMissNotAFailure() throws IOException {
        byte[] woven = transform(transformer("agent-1"), LOCALS);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.collect(Collectors.toList())) {
                Files.write(f, new byte[] {1, 2, 3});
            }
        }
        WeavingTransformer t = transformer("agent-1");
        assertArrayEquals(woven, transform(t, LOCALS));
        assertEquals(0, t.cache().hits());
    }

    private static String stderrOf(Runnable r) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
