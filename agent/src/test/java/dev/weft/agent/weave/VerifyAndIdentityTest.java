package dev.weft.agent.weave;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.agent.cli.Main;
import dev.weft.agent.hierarchy.TypeHierarchy;
import dev.weft.agent.verify.WovenClassVerifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.bytebuddy.dynamic.ClassFileLocator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verify stage over every woven sample and its companions, and build-time weaving (the
 * {@code weave} command) producing the same bytes as load-time weaving.
 */
class VerifyAndIdentityTest {

    static final String[] SAMPLES = {
        "Locals",
        "Allocations",
        "Exceptions",
        "Eager",
        "Generators",
        "Instances",
        "Instances$Inner",
        "Greeter",
        "Rejected"
    };

    @BeforeAll
    static void loadAll() {
        for (String s : SAMPLES) {
            SampleRunner.sample(s);
        }
    }

    @Test
    void everyWovenClassPassesTheVerifyStage() {
        Map<String, WeaveResult> woven = SampleRunner.LOADER.woven;
        assertTrue(woven.size() >= SAMPLES.length, woven.keySet().toString());
        List<String> problems = new ArrayList<>();
        int classes = 0;
        for (WeaveResult r : woven.values()) {
            TypeHierarchy h =
                    new TypeHierarchy(ClassFileLocator.ForClassLoader.of(SampleRunner.LOADER));
            problems.addAll(WovenClassVerifier.verify(r.bytes, h));
            classes++;
            for (byte[] c : r.companions.values()) {
                problems.addAll(WovenClassVerifier.verify(c, h));
                classes++;
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(classes > 30, "verified " + classes + " classes");
    }

    @Test
    void theVerifyStageCatchesBrokenCode() {
        org.objectweb.asm.ClassWriter cw =
                new org.objectweb.asm.ClassWriter(org.objectweb.asm.ClassWriter.COMPUTE_MAXS);
        cw.visit(
                org.objectweb.asm.Opcodes.V17,
                org.objectweb.asm.Opcodes.ACC_PUBLIC,
                "com/example/Broken",
                null,
                "java/lang/Object",
                null);
        org.objectweb.asm.MethodVisitor mv =
                cw.visitMethod(
                        org.objectweb.asm.Opcodes.ACC_STATIC,
                        "bad",
                        "()Ljava/lang/String;",
                        null,
                        null);
        mv.visitCode();
        mv.visitInsn(org.objectweb.asm.Opcodes.ICONST_1);
        mv.visitInsn(org.objectweb.asm.Opcodes.ARETURN); // an int returned as a String
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        TypeHierarchy h =
                new TypeHierarchy(ClassFileLocator.ForClassLoader.of(getClass().getClassLoader()));
        Map<String, String> problems =
                WovenClassVerifier.methodProblems(
                        cw.toByteArray(), h, java.util.Set.of("bad()Ljava/lang/String;"));
        assertEquals(java.util.Set.of("bad()Ljava/lang/String;"), problems.keySet());
        assertTrue(!WovenClassVerifier.verify(cw.toByteArray(), h).isEmpty());
    }

    @Test
    void buildTimeWeavingWritesTheLoadTimeBytes(@TempDir Path tmp) throws Exception {
        Path classes = Path.of("target/test-classes");
        Path out = tmp.resolve("woven");
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        int code =
                Main.run(
                        new String[] {"weave", classes.toString(), out.toString()},
                        new PrintStream(sink, true, StandardCharsets.UTF_8),
                        System.err);
        // Rejected.java is among the samples: its methods are woven to throw, and weave says so in
        // its status
        assertEquals(1, code, sink.toString(StandardCharsets.UTF_8));
        assertTrue(
                sink.toString(StandardCharsets.UTF_8)
                        .contains(" method(s) rejected: calling them throws IllegalStateException"),
                sink.toString(StandardCharsets.UTF_8));
        int compared = 0;
        for (Map.Entry<String, WeaveResult> e : SampleRunner.LOADER.woven.entrySet()) {
            Path f = out.resolve(e.getKey().replace('.', '/') + ".class");
            assertArrayEquals(e.getValue().bytes, Files.readAllBytes(f), e.getKey());
            compared++;
        }
        assertTrue(compared >= SAMPLES.length);
        // weaving woven output again changes nothing (the marker stops it)
        Path again = tmp.resolve("again");
        assertEquals(
                0,
                Main.run(
                        new String[] {"weave", out.toString(), again.toString()},
                        new PrintStream(sink, true, StandardCharsets.UTF_8),
                        System.err));
        // jar in, jar out: the same bytes again
        Path jar = tmp.resolve("woven.jar");
        assertEquals(
                1,
                Main.run(
                        new String[] {"weave", classes.toString(), jar.toString()},
                        new PrintStream(sink, true, StandardCharsets.UTF_8),
                        System.err));
        Path jar2 = tmp.resolve("again.jar");
        assertEquals(
                0,
                Main.run(
                        new String[] {"weave", jar.toString(), jar2.toString()},
                        new PrintStream(sink, true, StandardCharsets.UTF_8),
                        System.err));
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(jar2.toFile())) {
            byte[] fromJar =
                    z.getInputStream(z.getEntry("dev/weft/agent/samples/Locals.class"))
                            .readAllBytes();
            assertArrayEquals(
                    SampleRunner.LOADER.woven.get("dev.weft.agent.samples.Locals").bytes, fromJar);
        }
        Path one = out.resolve("dev/weft/agent/samples/Locals.class");
        assertArrayEquals(
                Files.readAllBytes(one),
                Files.readAllBytes(again.resolve("dev/weft/agent/samples/Locals.class")));
    }

    @Test
    void checkCommandListsMethodsPointsLayoutAndRejections() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        int code =
                Main.run(
                        new String[] {"check", "target/test-classes"},
                        new PrintStream(sink, true, StandardCharsets.UTF_8),
                        System.err);
        String text = sink.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, text); // Rejected.java is among the samples
        assertTrue(
                text.contains("dev.weft.agent.samples.Locals.loop(int)  async (lazy Future)"),
                text);
        assertTrue(text.contains("await at line"), text);
        assertTrue(text.contains("bytes; fields: "), text);
        assertTrue(
                text.contains("dev.weft.agent.samples.Rejected.syncMethod(Rejected.java:"), text);
        assertTrue(!text.contains("verify:"), text);
    }
}
