package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Future;
import dev.weft.testkit.BothModes;
import dev.weft.testkit.Drive;
import dev.weft.testkit.Mode;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 point 5: every shape of {@link UninitializedShapes} verifies unwoven (a child JVM
 * without the agent, {@code -Xverify:all}) and, woven by the agent at load time, completes with
 * the value the bytecode computes, in both modes.
 */
class UninitializedShapesTest {

    @Test
    void everyShapePassesTheVerifierUnwoven() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p =
                new ProcessBuilder(
                                java,
                                "-Xverify:all",
                                "-cp",
                                System.getProperty("java.class.path"),
                                UninitializedShapes.class.getName())
                        .redirectErrorStream(true)
                        .start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        p.waitFor(5, TimeUnit.MINUTES);
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        assertEquals(true, text.contains("verified " + UninitializedShapes.EXPECTED.size()), text);
    }

    @BothModes
    void everyShapeRunsWoven(Mode mode) throws Exception {
        Class<?> c = UninitializedShapes.define();
        for (Map.Entry<String, String> e : UninitializedShapes.EXPECTED.entrySet()) {
            Method m = c.getMethod(e.getKey());
            @SuppressWarnings("unchecked")
            Supplier<Future<Object>> call =
                    () -> {
                        try {
                            return (Future<Object>) m.invoke(null);
                        } catch (ReflectiveOperationException x) {
                            throw new AssertionError(e.getKey(), x);
                        }
                    };
            if (e.getValue().startsWith(UninitializedShapes.FAILS)) {
                assertEquals(
                        e.getValue(),
                        UninitializedShapes.FAILS + Drive.error(mode, call).getClass().getName(),
                        e.getKey());
            } else {
                assertEquals(e.getValue(), Drive.value(mode, call), e.getKey());
            }
        }
    }
}
