package dev.weft.agent.hierarchy;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipFile;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * Where {@link TypeHierarchy} reads class files from. The load-time path uses
 * {@link #ofLoader}, which only reads {@code .class} resources of the defining loader (never loads a
 * class) and keeps ByteBuddy out of the agent's start-up: its locator cost a handful of extra
 * class loads per JVM for the same {@code getResourceAsStream} call. The command line and tests
 * keep passing ByteBuddy locators ({@link #of(ClassFileLocator)}).
 */
public abstract class ClassFiles {

    /** The class file of {@code internalName}, or null if there is none. */
    public abstract byte[] read(String internalName) throws IOException;

    /** Whether {@code internalName} has a class file here; cheaper than {@link #read} where it can be. */
    public boolean exists(String internalName) {
        try {
            return read(internalName) != null;
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    /** The loader's {@code .class} resources; the loader is reached only weakly. */
    public static ClassFiles ofLoader(ClassLoader loader) {
        return new OfLoader(loader);
    }

    public static ClassFiles of(ClassFileLocator locator) {
        return new OfLocator(locator);
    }

    private static final class OfLoader extends ClassFiles {
        private final WeakReference<ClassLoader> loader;

        /** Names found by {@link #exists}: a class file does not vanish while its loader lives. */
        private final Set<String> found = ConcurrentHashMap.newKeySet();

        OfLoader(ClassLoader loader) {
            this.loader = new WeakReference<>(loader);
        }

        /**
         * For the application class loader, looks in the {@code java.class.path} entries first:
         * {@code getResource} delegates to the boot and platform loaders, whose lookup opens the
         * JDK's module image, and then opens a jar URL connection; at the first woven class of a
         * JVM that cost ~15 ms of start-up for an answer the class path gives in a fraction of
         * it (docs/benchmarks.md, "Start-up (issue 8)"). Anything not found there (a manifest
         * {@code Class-Path}, another loader) still gets the full lookup.
         */
        @Override
        public boolean exists(String internalName) {
            if (found.contains(internalName)) {
                return true;
            }
            ClassLoader l = loader.get();
            if (l == null) {
                return false;
            }
            String resource = internalName.concat(".class");
            boolean here =
                    (isApplicationLoader(l) && onClassPath(resource))
                            || l.getResource(resource) != null;
            if (here) {
                found.add(internalName);
            }
            return here;
        }

        private static boolean isApplicationLoader(ClassLoader l) {
            try {
                return l == ClassLoader.getSystemClassLoader();
            } catch (IllegalStateException initializing) {
                return false; // a custom system loader still being built
            }
        }

        private static boolean onClassPath(String resource) {
            String cp = System.getProperty("java.class.path");
            if (cp == null || cp.isEmpty()) {
                return false;
            }
            for (String entry : cp.split(File.pathSeparator)) {
                try {
                    File f = new File(entry.isEmpty() ? "." : entry);
                    if (f.isDirectory()) {
                        if (new File(f, resource).isFile()) {
                            return true;
                        }
                    } else if (f.isFile()) {
                        try (ZipFile z = new ZipFile(f)) {
                            if (z.getEntry(resource) != null) {
                                return true;
                            }
                        }
                    }
                } catch (IOException | RuntimeException unreadable) {
                    // the full lookup decides
                }
            }
            return false;
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
