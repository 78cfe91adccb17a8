package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Future;
import dev.weft.testkit.BothModes;
import dev.weft.testkit.Drive;
import dev.weft.testkit.Mode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent warns, once per call site and when the class loads, about futures created and never
 * used (popped or stored in a local nobody reads); the class itself loads and works as before.
 */
class DiscardedFutureTest {

    private static final String CLS = "dev.weft.it.discarded.Discarding";
    private static final String SOURCE = "src/test/java/dev/weft/it/discarded/Discarding.java";

    /** The lines marked {@code // DISCARD}. */
    private static List<Integer> marked() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(SOURCE));
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("// DISCARD")) {
                out.add(i + 1);
            }
        }
        return out;
    }

    private static String where(String method, int line) {
        return CLS + "." + method + "(Discarding.java:" + line + ")";
    }

    /** System.err while the fixture class loaded (first, before any test uses it). */
    private static String log;

    @BeforeAll
    static void loadTheFixtureWhileCapturingStandardError() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Class.forName(CLS, true, DiscardedFutureTest.class.getClassLoader());
        } finally {
            System.setErr(original);
        }
        log = captured.toString(StandardCharsets.UTF_8);
        original.print(log);
    }

    @Test
    void theAgentLogsEachDiscardedFutureOnceWhenTheClassLoads() throws Exception {
        List<String> warnings =
                log.lines()
                        .filter(l -> l.startsWith("[weft] warning: "))
                        .collect(Collectors.toList());
        List<Integer> lines = marked();
        assertEquals(4, lines.size());
        String leaf = "the dev.weft.Future returned by " + CLS + ".leaf";
        String fix =
                ": it does nothing until it is awaited or spawned (await it, pass it to Async.spawn, or return it)";
        assertEquals(
                List.of(
                        "[weft] warning: "
                                + where("dropsOne", lines.get(0))
                                + ": "
                                + leaf
                                + " is discarded"
                                + fix,
                        "[weft] warning: "
                                + where("dropsOne", lines.get(1))
                                + ": "
                                + leaf
                                + " is stored in local 'never' and never read"
                                + fix,
                        "[weft] warning: "
                                + where("plain", lines.get(2))
                                + ": "
                                + leaf
                                + " is discarded"
                                + fix,
                        "[weft] warning: in a lambda in "
                                + where("inALambda", lines.get(3))
                                + ": "
                                + leaf
                                + " is discarded"
                                + fix),
                warnings,
                log);
    }

    @BothModes
    void aClassWithWarningsIsWovenAndWorks(Mode mode) throws Exception {
        Class<?> c = Class.forName(CLS, true, getClass().getClassLoader());
        Method dropsOne = c.getMethod("dropsOne");
        Method usesThemAll = c.getMethod("usesThemAll");
        assertEquals(4, Drive.value(mode, () -> call(dropsOne)));
        assertEquals(14, Drive.value(mode, () -> call(usesThemAll)));
    }

    @SuppressWarnings("unchecked")
    private static Future<Integer> call(Method m) {
        try {
            return (Future<Integer>) m.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
