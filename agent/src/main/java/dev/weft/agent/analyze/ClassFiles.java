package dev.weft.agent.analyze;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * Where {@link TypeHierarchy} reads class files from: the defining loader's {@code .class}
 * resources at load time ({@link #ofLoader}: reads resources, never loads a class), directories
 * and jars for the command line.
 *
 * <p>Written here rather than using ByteBuddy's {@code ClassFileLocator} (the first plan): those
 * few lookups were all the agent used ByteBuddy for, and its ~3,000 classes made the agent jar
 * 5 MB, which the JVM opens and indexes at every start (about 10 ms of CPU time for a hello
 * world, measured). ByteBuddy is therefore not in the agent jar; {@link #of(ClassFileLocator)} is a
 * convenience for tests, which have it on their class path, and must not be used by the agent's
 * or the command line's own code paths.
 */
public abstract class ClassFiles {

    /** The class file of {@code internalName}, or null if there is none. */
    public abstract byte[] read(String internalName) throws IOException;

    /** The loader's {@code .class} resources; the loader is reached only weakly. */
    public static ClassFiles ofLoader(ClassLoader loader) {
        return new OfLoader(loader);
    }

    /** A class directory ({@code a/b/C.class} under {@code dir}). */
    public static ClassFiles ofDirectory(Path dir) {
        return new OfDirectory(dir);
    }

    /** A jar, opened now and kept open (the command line reads it until it exits). */
    public static ClassFiles ofJar(Path jar) throws IOException {
        return new OfJar(new JarFile(jar.toFile()));
    }

    /** One class file known by name, e.g. the class being woven. */
    public static ClassFiles single(String internalName, byte[] bytes) {
        return new Single(internalName, bytes);
    }

    /** The first of {@code parts} that has the class file, as a class path. */
    public static ClassFiles compound(List<ClassFiles> parts) {
        return new Compound(new ArrayList<>(parts));
    }

    /** Tests only: ByteBuddy is not in the agent jar. */
    public static ClassFiles of(ClassFileLocator locator) {
        return new OfLocator(locator);
    }

    private static final class OfLoader extends ClassFiles {
        private final WeakReference<ClassLoader> loader;

        OfLoader(ClassLoader loader) {
            this.loader = new WeakReference<>(loader);
        }

        @Override
        public byte[] read(String internalName) throws IOException {
            ClassLoader l = loader.get();
            if (l == null) {
                return null;
            }
            try (InputStream in = l.getResourceAsStream(internalName.concat(".class"))) {
                return in == null ? null : in.readAllBytes();
            }
        }
    }

    private static final class OfDirectory extends ClassFiles {
        private final Path dir;

        OfDirectory(Path dir) {
            this.dir = dir;
        }

        @Override
        public byte[] read(String internalName) throws IOException {
            Path f = dir.resolve(internalName.concat(".class"));
            return Files.isRegularFile(f) ? Files.readAllBytes(f) : null;
        }
    }

    private static final class OfJar extends ClassFiles {
        private final JarFile jar;

        OfJar(JarFile jar) {
            this.jar = jar;
        }

        @Override
        public byte[] read(String internalName) throws IOException {
            ZipEntry e = jar.getEntry(internalName.concat(".class"));
            if (e == null) {
                return null;
            }
            try (InputStream in = jar.getInputStream(e)) {
                return in.readAllBytes();
            }
        }
    }

    private static final class Single extends ClassFiles {
        private final String name;
        private final byte[] bytes;

        Single(String name, byte[] bytes) {
            this.name = name;
            this.bytes = bytes;
        }

        @Override
        public byte[] read(String internalName) {
            return name.equals(internalName) ? bytes : null;
        }
    }

    private static final class Compound extends ClassFiles {
        private final List<ClassFiles> parts;

        Compound(List<ClassFiles> parts) {
            this.parts = parts;
        }

        @Override
        public byte[] read(String internalName) throws IOException {
            for (ClassFiles p : parts) {
                byte[] b = p.read(internalName);
                if (b != null) {
                    return b;
                }
            }
            return null;
        }
    }

    /** A separate class so that the load-time path never links a ByteBuddy type. */
    private static final class OfLocator extends ClassFiles {
        private final ClassFileLocator locator;

        OfLocator(ClassFileLocator locator) {
            this.locator = locator;
        }

        @Override
        public byte[] read(String internalName) throws IOException {
            ClassFileLocator.Resolution r = locator.locate(internalName.replace('/', '.'));
            return r.isResolved() ? r.resolve() : null;
        }
    }
}
