package dev.weft.agent.analyze;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * For load-time weaving: one locator and one cache of resolved type headers per class loader, so
 * the JDK's and the application's class files are read once, not once per woven class. The
 * locator reaches its loader only weakly and the map's keys are weak, so a discarded loader can
 * still be collected (the cached headers are plain strings). A type's class file does not change
 * while its loader lives, so the cache never goes stale; unresolved types are not cached.
 */
public final class LoaderHierarchies {

    private static final class Entry {
        final ClassFileLocator locator;
        final Map<String, TypeHierarchy.Info> resolved = new ConcurrentHashMap<>();

        Entry(ClassLoader loader) {
            this.locator = ClassFileLocator.ForClassLoader.WeaklyReferenced.of(loader);
        }
    }

    private static final Map<ClassLoader, Entry> ENTRIES = new WeakHashMap<>();

    private LoaderHierarchies() {}

    /** A fresh hierarchy (for one class) over the loader's shared cache. */
    public static TypeHierarchy of(ClassLoader loader) {
        Entry e;
        synchronized (ENTRIES) {
            e = ENTRIES.computeIfAbsent(loader, Entry::new);
        }
        return new TypeHierarchy(e.locator, e.resolved);
    }
}
