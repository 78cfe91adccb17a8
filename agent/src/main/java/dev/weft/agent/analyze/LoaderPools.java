package dev.weft.agent.analyze;

import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * One caching TypePool per class loader for load-time weaving, so the JDK's and the
 * application's class files are parsed once, not once per woven class. The pool reaches its
 * loader only weakly, and the map's keys are weak, so a discarded loader can still be collected.
 * A type's class file does not change while its loader lives, so the cache never goes stale; the
 * class being woven is not read through the pool but declared to each {@link TypeHierarchy}.
 */
public final class LoaderPools {

    private static final Map<ClassLoader, TypePool> POOLS = new WeakHashMap<>();

    private LoaderPools() {}

    public static TypePool of(ClassLoader loader) {
        synchronized (POOLS) {
            return POOLS.computeIfAbsent(loader,
                    l -> TypeHierarchy.poolOf(ClassFileLocator.ForClassLoader.WeaklyReferenced.of(l)));
        }
    }
}
