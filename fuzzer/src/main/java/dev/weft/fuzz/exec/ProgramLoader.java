package dev.weft.fuzz.exec;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;

/**
 * A fresh class loader over compiled bytes. The agent's transformer weaves classes as this loader
 * defines them, and reads the class files of their hierarchy back through
 * {@link #getResourceAsStream}, so that answers with the original (unwoven) bytes.
 *
 * <p>Given a {@link BytecodeChecker}, the loader makes the transformer's call to the weaver itself
 * just before it defines a class (same weaver, same per-loader type hierarchy, same bytes) and
 * keeps the result for the checker, which used to weave every class a second time to see them.
 * The transformer then sees weft's woven marker and passes the class through; a class the weaver
 * leaves alone or fails on is defined as compiled, and the transformer handles it as before.
 */
public final class ProgramLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> classes;

    private final BytecodeChecker weaver;

    /** Per binary name: the weaver's result (or the Throwable it threw) for classes defined here. */
    final Map<String, Object> weaveResults =
            java.util.Collections.synchronizedMap(new java.util.HashMap<>());

    public ProgramLoader(Map<String, byte[]> classes) {
        this(classes, null);
    }

    /** With {@code weaver} non-null, classes are woven here as they are defined (see above). */
    public ProgramLoader(Map<String, byte[]> classes, BytecodeChecker weaver) {
        super("weft-fuzz", ProgramLoader.class.getClassLoader());
        this.classes = classes;
        this.weaver = weaver;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = classes.get(name);
        if (b == null) {
            throw new ClassNotFoundException(name);
        }
        if (weaver != null) {
            byte[] woven = weaver.weaveForDefinition(this, name, b);
            if (woven != null) {
                b = woven;
            }
        }
        return defineClass(name, b, 0, b.length);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        if (name.endsWith(".class")) {
            byte[] b = classes.get(name.substring(0, name.length() - 6).replace('/', '.'));
            if (b != null) {
                return new ByteArrayInputStream(b);
            }
        }
        return super.getResourceAsStream(name);
    }

    /** Binary names of the classes this loader can define. */
    public java.util.Set<String> names() {
        return classes.keySet();
    }

    public byte[] original(String name) {
        return classes.get(name);
    }
}
