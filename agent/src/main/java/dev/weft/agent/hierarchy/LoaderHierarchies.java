package dev.weft.agent.hierarchy;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For load-time weaving: one locator and one cache of resolved type headers per class loader, so
 * the JDK's and the application's class files are read once, not once per woven class. The
 * locator reaches its loader only weakly and the map's keys are weak, so a discarded loader can
 * still be collected (the cached headers are plain strings). A type's class file does not change
 * while its loader lives, so the cache never goes stale; unresolved types are not cached.
 */
public final class LoaderHierarchies {

    private static final class Entry {
        final ClassFiles classFiles;
        final Map<String, TypeHierarchy.Info> resolved = new ConcurrentHashMap<>();

        Entry(ClassLoader loader) {
            this.classFiles = ClassFiles.ofLoader(loader);
        }
    }

    private static final Map<ClassLoader, Entry> ENTRIES = new WeakHashMap<>();

    private LoaderHierarchies() {}

    /** A fresh hierarchy (for one class) over the loader's shared cache. */
    public static TypeHierarchy of(ClassLoader loader) {
        Entry e;
        synchronized (ENTRIES) {
            e = ENTRIES.get(loader);
            if (e == null) { // not computeIfAbsent: a lambda costs a bootstrap on the first woven
                // class
                e = new Entry(loader);
                ENTRIES.put(loader, e);
            }
        }
        return new TypeHierarchy(e.classFiles, e.resolved);
    }
}
