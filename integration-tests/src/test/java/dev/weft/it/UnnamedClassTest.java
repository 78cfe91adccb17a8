package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Future;
import dev.weft.testkit.BothModes;
import dev.weft.testkit.Drive;
import dev.weft.testkit.Mode;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.function.Supplier;

/**
 * {@code ClassLoader.defineClass(null, bytes, 0, len)} is legal: the JVM takes the name from the
 * class file, and the agent's transformer receives a null name. Such a class is woven like any
 * other (issue 12, point 7).
 */
class UnnamedClassTest {

    private static final class NamelessLoader extends ClassLoader {
        NamelessLoader(ClassLoader parent) {
            super(parent);
        }

        Class<?> define(byte[] bytes) {
            return defineClass(null, bytes, 0, bytes.length);
        }
    }

    @BothModes
    void aClassDefinedWithoutANameIsWoven(Mode mode) throws Exception {
        byte[] bytes;
        try (InputStream in =
                getClass()
                        .getClassLoader()
                        .getResourceAsStream("dev/weft/it/fixtures/Unnamed.class")) {
            bytes = in.readAllBytes();
        }
        Class<?> c = new NamelessLoader(getClass().getClassLoader()).define(bytes);
        assertEquals("dev.weft.it.fixtures.Unnamed", c.getName());
        Method sum = c.getMethod("sum", int.class);
        @SuppressWarnings("unchecked")
        Supplier<Future<Integer>> call =
                () -> {
                    try {
                        return (Future<Integer>) sum.invoke(null, 4);
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError(e);
                    }
                };
        assertEquals(10, Drive.value(mode, call));
    }
}
