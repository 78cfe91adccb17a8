package dev.weft.agent.hierarchy;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.dynamic.ClassFileLocator;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * The class hierarchy as read from class files, never from loaded classes: each type's header
 * (access flags, super class, interfaces) is parsed with ASM from the bytes {@link ClassFiles}
 * finds (for load-time weaving, the defining loader's {@code .class} resources). Unresolvable types are treated as direct subclasses of Object implementing
 * nothing, and reported as such by {@link #isResolved}.
 *
 * <p>Why not ByteBuddy's TypePool, as first planned: it answers the same questions, but its
 * type-description machinery costs about 200–290 ms of class loading in a fresh JVM against
 * 26–50 ms for these header reads (13 JDK types, measured on the shared 2-core machine), and that
 * cost lands on the first woven class of every application start.
 */
public final class TypeHierarchy {

    /** Super class (null for Object), interfaces and interface flag of one type. */
    static final class Info {
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

    private final ClassFiles classFiles;

    /** Resolved types, possibly shared by every class of one loader (see {@link LoaderHierarchies}). */
    private final Map<String, Info> shared;

    /** Declared and unresolved types: private to this weave (a missing class may appear later). */
    private final Map<String, Info> local = new HashMap<>();

    /**
     * Every type this weave consulted and what it read, for the woven-class cache, or null when
     * nobody records ({@link #record}).
     */
    private Map<String, String> consulted;

    public TypeHierarchy(ClassFileLocator locator) {
        this(ClassFiles.of(locator), new HashMap<>());
    }

    public TypeHierarchy(ClassFiles classFiles) {
        this(classFiles, new HashMap<>());
    }

    TypeHierarchy(ClassFiles classFiles, Map<String, Info> shared) {
        this.classFiles = classFiles;
        this.shared = shared;
    }

    /** Makes the class being woven known even when its bytes are not readable as a resource. */
    public void declare(
            String name, String superName, List<String> interfaces, boolean isInterface) {
        local.put(name, new Info(superName, interfaces, isInterface));
    }

    private Info info(String name) {
        Info i = local.get(name);
        if (i == null) {
            i = shared.get(name);
        }
        if (i != null) {
            if (consulted != null) {
                consulted.putIfAbsent(name, fact(i));
            }
            return i;
        }
        if (name.equals(OBJECT)) {
            i = new Info(null, Collections.emptyList(), false);
        } else {
            i = read(name);
        }
        (i.resolved ? shared : local).put(name, i);
        if (consulted != null) {
            consulted.putIfAbsent(name, fact(i));
        }
        return i;
    }

    /** One type's header as one comparable string. */
    private static String fact(Info i) {
        return (i.resolved ? "" : "?")
                + (i.isInterface ? "I " : "C ")
                + i.superName
                + " "
                + String.join(",", i.interfaces);
    }

    /**
     * Starts recording which types the weaving consults and what their headers say, so that a
     * cached result can be checked against today's class files ({@link #fact}); the map is
     * filled in as the weave runs (declared types included). Whole class files read through
     * {@link #classFile} are recorded as {@code "file:" + name} with their bytes' hash code.
     */
    public Map<String, String> record() {
        consulted = new java.util.LinkedHashMap<>();
        return consulted;
    }

    /** What {@link #record} would have recorded for {@code name} now. */
    public String factOf(String name) {
        if (name.startsWith("file:")) {
            return fileFact(classFile(name.substring("file:".length())));
        }
        return fact(info(name));
    }

    private static String fileFact(byte[] b) {
        return b == null ? "none" : b.length + ":" + Arrays.hashCode(b);
    }

    /** Whether {@code name} was made known by {@link #declare} (its facts come from the woven bytes). */
    public boolean isDeclared(String name) {
        return local.containsKey(name) && local.get(name).resolved;
    }

    private Info read(String name) {
        long t = dev.weft.agent.stats.WeaveStats.start();
        try {
            byte[] b = classFiles.read(name);
            dev.weft.agent.stats.WeaveStats.add(dev.weft.agent.stats.WeaveStats.Phase.HIERARCHY, t);
            if (b != null) {
                ClassReader header = new ClassReader(b);
                boolean itf = (header.getAccess() & Opcodes.ACC_INTERFACE) != 0;
                String sup = header.getSuperName();
                return new Info(
                        sup == null ? null : sup, Arrays.asList(header.getInterfaces()), itf);
            }
        } catch (IOException | RuntimeException unreadable) {
            // treated as unresolved below
        }
        return new Info(OBJECT, Collections.emptyList(), false, false);
    }

    /** The whole class file of {@code name}, read again (not cached), or null if there is none. */
    public byte[] classFile(String name) {
        byte[] b;
        try {
            b = classFiles.read(name);
        } catch (IOException | RuntimeException unreadable) {
            b = null;
        }
        if (consulted != null) {
            consulted.putIfAbsent("file:" + name, fileFact(b));
        }
        return b;
    }

    /** True if {@code name} has a class file (its superclasses are not looked at). */
    public boolean exists(String name) {
        return shared.containsKey(name) || classFiles.exists(name);
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
