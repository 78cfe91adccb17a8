package dev.weft.agent.hierarchy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
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

    /** The loader's {@code .class} resources; the loader is reached only weakly. */
    public static ClassFiles ofLoader(ClassLoader loader) {
        return new OfLoader(loader);
    }

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
