package dev.weft.agent.analyze;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class-file sources the hierarchy reads: what each finds, and null (not an error) when absent. */
class ClassFilesTest {

    private static final byte[] BYTES = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 1, 2, 3};

    @Test
    void aDirectoryAndAJarFindTheirClassFilesByInternalName(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("classes");
        Files.createDirectories(dir.resolve("a/b"));
        Files.write(dir.resolve("a/b/C.class"), BYTES);
        assertArrayEquals(BYTES, ClassFiles.ofDirectory(dir).read("a/b/C"));
        assertNull(ClassFiles.ofDirectory(dir).read("a/b/D"));

        Path jar = tmp.resolve("lib.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("x/Y.class"));
            out.write(BYTES);
            out.closeEntry();
        }
        ClassFiles j = ClassFiles.ofJar(jar);
        assertArrayEquals(BYTES, j.read("x/Y"));
        assertNull(j.read("x/Z"));
    }

    @Test
    void aCompoundAnswersFromItsFirstPartThatHasTheClass() throws Exception {
        byte[] other = {9};
        ClassFiles c = ClassFiles.compound(List.of(ClassFiles.single("p/Q", BYTES), ClassFiles.single("p/Q", other),
                ClassFiles.single("p/R", other)));
        assertArrayEquals(BYTES, c.read("p/Q"));
        assertArrayEquals(other, c.read("p/R"));
        assertNull(c.read("p/S"));
    }

    @Test
    void aLoaderIsReadThroughItsResourcesAndFeedsTheHierarchy() throws Exception {
        ClassFiles l = ClassFiles.ofLoader(getClass().getClassLoader());
        byte[] own = l.read("dev/weft/agent/analyze/ClassFilesTest");
        assertTrue(own != null && own.length > 4 && (own[0] & 0xFF) == 0xCA);
        assertNull(l.read("no/such/Type"));
        TypeHierarchy h = new TypeHierarchy(l);
        assertTrue(h.isResolved("java/util/ArrayList"));
        assertEquals("java/util/AbstractList", h.superName("java/util/ArrayList"));
        assertTrue(h.isAssignable("java/util/List", "java/util/ArrayList"));
        assertTrue(!h.isResolved("no/such/Type"));
    }
}
