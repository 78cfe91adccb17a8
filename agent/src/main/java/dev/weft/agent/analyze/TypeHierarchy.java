package dev.weft.agent.analyze;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * The class hierarchy as read from class files, never from loaded classes. Unresolvable types are
 * treated as direct subclasses of Object implementing nothing: the answer the JVM's own verifier
 * would also accept for code that never checks them against a specific type.
 */
public final class TypeHierarchy {

    /** Super class (null for Object), interfaces and interface flag of one type. */
    private static final class Info {
        final String superName;
        final List<String> interfaces;
        final boolean isInterface;
        /** False when no class file was found: the other fields are a guess. */
        final boolean resolved;

        Info(String superName, List<String> interfaces, boolean isInterface) {
            this(superName, interfaces, isInterface, true);
        }

        Info(String superName, List<String> interfaces, boolean isInterface, boolean resolved) {
            this.superName = superName;
            this.interfaces = interfaces;
            this.isInterface = isInterface;
            this.resolved = resolved;
        }
    }

    private static final String OBJECT = "java/lang/Object";

    private final TypePool pool;
    private final Map<String, Info> cache = new HashMap<>();

    public TypeHierarchy(ClassFileLocator locator) {
        this(poolOf(locator));
    }

    /** Over a shared pool (see {@link LoaderPools}); the class being woven must be {@link #declare}d. */
    public TypeHierarchy(TypePool pool) {
        this.pool = pool;
    }

    public static TypePool poolOf(ClassFileLocator locator) {
        return new TypePool.Default(new TypePool.CacheProvider.Simple(), locator, TypePool.Default.ReaderMode.FAST);
    }

    /** Makes the class being woven known even when its bytes are not readable as a resource. */
    public void declare(String name, String superName, List<String> interfaces, boolean isInterface) {
        cache.put(name, new Info(superName, interfaces, isInterface));
    }

    private Info info(String name) {
        Info i = cache.get(name);
        if (i != null) {
            return i;
        }
        if (name.equals(OBJECT)) {
            i = new Info(null, Collections.emptyList(), false);
        } else {
            try {
                TypePool.Resolution r = pool.describe(name.replace('/', '.'));
                if (r.isResolved()) {
                    TypeDescription t = r.resolve();
                    TypeDescription.Generic sup = t.getSuperClass();
                    List<String> itfs = new ArrayList<>();
                    for (TypeDescription d : t.getInterfaces().asErasures()) {
                        itfs.add(d.getInternalName());
                    }
                    i = new Info(sup == null ? (t.isInterface() ? OBJECT : null) : sup.asErasure().getInternalName(),
                            itfs, t.isInterface());
                }
            } catch (RuntimeException unreadable) {
                i = null;
            }
            if (i == null) {
                i = new Info(OBJECT, Collections.emptyList(), false, false);
            }
        }
        cache.put(name, i);
        return i;
    }

    /** True if the class and all its superclasses were read from class files. */
    public boolean isResolved(String name) {
        for (String c = name; c != null; c = superName(c)) {
            if (!info(c).resolved) {
                return false;
            }
        }
        return true;
    }

    public boolean isInterface(String name) {
        return info(name).isInterface;
    }

    /** The super class; Object for interfaces; null for Object itself. */
    public String superName(String name) {
        return info(name).superName;
    }

    /** True if a value of class {@code from} may be stored where {@code to} is expected. */
    public boolean isAssignable(String to, String from) {
        if (to.equals(from) || to.equals(OBJECT)) {
            return true;
        }
        boolean toInterface = isInterface(to);
        for (String c = from; c != null; c = superName(c)) {
            if (c.equals(to)) {
                return true;
            }
            if (toInterface && implementsInterface(c, to, 0)) {
                return true;
            }
        }
        return false;
    }

    private boolean implementsInterface(String c, String itf, int depth) {
        if (depth > 64) {
            return false;
        }
        for (String i : info(c).interfaces) {
            if (i.equals(itf) || implementsInterface(i, itf, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    /** As {@code ClassWriter.getCommonSuperClass}: interfaces merge to Object. */
    public String commonSuperClass(String a, String b) {
        if (isAssignable(a, b)) {
            return a;
        }
        if (isAssignable(b, a)) {
            return b;
        }
        if (isInterface(a) || isInterface(b)) {
            return OBJECT;
        }
        String c = a;
        do {
            c = superName(c);
        } while (c != null && !isAssignable(c, b));
        return c == null ? OBJECT : c;
    }
}
