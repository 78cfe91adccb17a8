package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Future;
import dev.weft.testkit.Drive;
import dev.weft.testkit.Mode;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Frameworks (JUnit itself, DI containers, serializers) reflect on classes before initializing
 * them; a woven class must support that, although its companions are only defined by its
 * static initializer.
 */
class ReflectionTest {

    @Test
    void reflectingOnAWovenClassBeforeItsInitializationWorks() throws Exception {
        Class<?> c =
                Class.forName(
                        "dev.weft.it.fixtures.ReflectedBeforeInit",
                        false,
                        getClass().getClassLoader());
        Method[] methods = c.getDeclaredMethods();
        // the woven body may be a synthetic method of the same name; frameworks skip synthetic ones
        assertEquals(
                1,
                Arrays.stream(methods)
                        .filter(m -> m.getName().equals("answer") && !m.isSynthetic())
                        .count());
        Method answer = c.getMethod("answer");
        @SuppressWarnings("unchecked")
        Supplier<Future<Integer>> call =
                () -> {
                    try {
                        return (Future<Integer>) answer.invoke(null);
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError(e);
                    }
                };
        assertEquals(42, Drive.value(Mode.READY, call));
    }
}
