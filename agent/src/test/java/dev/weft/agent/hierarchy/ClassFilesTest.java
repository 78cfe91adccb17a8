package dev.weft.agent.hierarchy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weft-runtime presence check of load-time weaving ({@link ClassFiles#exists}): the
 * application loader's class path entries answer first, anything else goes to the loader.
 */
class ClassFilesTest {

    @Test
    void aClassOfTheLoaderExistsAndAMissingOneDoesNot() {
        ClassFiles files = ClassFiles.ofLoader(ClassFilesTest.class.getClassLoader());
        assertTrue(files.exists("org/junit/jupiter/api/Test"));
        assertTrue(files.exists("dev/weft/agent/hierarchy/ClassFilesTest"));
        assertFalse(files.exists("dev/weft/agent/hierarchy/NoSuchType"));
    }

    @Test
    void anotherLoaderIsAskedItself(@TempDir Path dir) throws Exception {
        Path jar = jarWith(dir.resolve("only-here.jar"), "only/Here.class");
        try (URLClassLoader l = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            ClassFiles files = ClassFiles.ofLoader(l);
            assertTrue(files.exists("only/Here"));
            assertFalse(files.exists("only/NotHere"));
        }
    }

    /**
     * The application loader's entries, directories and jars, are read from {@code
     * java.class.path} without asking the loader (whose lookup opens the JDK image first): a
     * class file put there is found although the loader itself was never told of it.
     */
    @Test
    void theApplicationLoaderIsAnsweredFromTheClassPathEntries(@TempDir Path dir) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes/in/dir"));
        Files.write(classes.resolve("Here.class"), new byte[] {(byte) 0xCA});
        Path jar = jarWith(dir.resolve("in-jar.jar"), "in/jar/Here.class");
        String before = System.getProperty("java.class.path");
        try {
            System.setProperty(
                    "java.class.path",
                    dir.resolve("classes")
                            + File.pathSeparator
                            + jar
                            + File.pathSeparator
                            + before);
            ClassFiles files = ClassFiles.ofLoader(ClassLoader.getSystemClassLoader());
            assertTrue(files.exists("in/dir/Here"));
            assertTrue(files.exists("in/jar/Here"));
            assertFalse(files.exists("in/jar/NotHere"));
        } finally {
            System.setProperty("java.class.path", before);
        }
        assertFalse(
                ClassFiles.ofLoader(ClassLoader.getSystemClassLoader()).exists("in/dir/Here"),
                "only the class path entries knew of it");
    }

    private static Path jarWith(Path jar, String entry) throws Exception {
        try (OutputStream out = Files.newOutputStream(jar);
                ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(0xCA);
            z.closeEntry();
        }
        return jar;
    }
}
