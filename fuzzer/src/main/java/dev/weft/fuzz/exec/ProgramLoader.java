package dev.weft.fuzz.exec;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;

/**
 * A fresh class loader over compiled bytes. The agent's transformer weaves classes as this loader
 * defines them, and reads the class files of their hierarchy back through
 * {@link #getResourceAsStream}, so that answers with the original (unwoven) bytes.
 */
public final class ProgramLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> classes;

    public ProgramLoader(Map<String, byte[]> classes) {
        super("weft-fuzz", ProgramLoader.class.getClassLoader());
        this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = classes.get(name);
        if (b == null) {
            throw new ClassNotFoundException(name);
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
