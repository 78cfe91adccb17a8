package dev.weft.it;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Future;
import dev.weft.testkit.BothModes;
import dev.weft.testkit.Drive;
import dev.weft.testkit.Leaf;
import dev.weft.testkit.Mode;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An exception thrown three awaits deep shows all three async methods in its stack trace, with
 * the host class, the source file and the line of the throw / the awaits.
 */
class DiagnosticsTest {

    static Future<Integer> levelOne() {
        int a = await(Leaf.of(1));
        return Future.ready(a + await(levelTwo())); // DIAG levelOne
    }

    static Future<Integer> levelTwo() {
        int b = await(Leaf.of(2));
        return Future.ready(b + await(levelThree())); // DIAG levelTwo
    }

    static Future<Integer> levelThree() {
        int c = await(Leaf.of(3));
        if (c == 3) {
            throw new IllegalStateException("three deep"); // DIAG levelThree
        }
        return Future.ready(c);
    }

    @BothModes
    void exceptionThreeAwaitsDeepNamesAllThreeMethodsWithFileAndLine(Mode mode) {
        Throwable t = Drive.error(mode, DiagnosticsTest::levelOne);
        assertEquals("three deep", t.getMessage());
        StackTraceElement[] trace = t.getStackTrace();
        String printed =
                Arrays.stream(trace).map(String::valueOf).collect(Collectors.joining("\n  "));
        int lastIndex = -1;
        for (String method : new String[] {"levelThree", "levelTwo", "levelOne"}) {
            int line = SourceLines.lineOf("dev/weft/it/DiagnosticsTest.java", "// DIAG " + method);
            int index = indexOf(trace, method, line);
            assertTrue(
                    index >= 0,
                    "no frame DiagnosticsTest."
                            + method
                            + "(DiagnosticsTest.java:"
                            + line
                            + ") in\n  "
                            + printed);
            assertTrue(index > lastIndex, "frames out of order:\n  " + printed);
            lastIndex = index;
        }
    }

    /** Index of the frame {@code DiagnosticsTest.method(DiagnosticsTest.java:line)}; -1 if none. */
    private static int indexOf(StackTraceElement[] trace, String method, int line) {
        for (int i = 0; i < trace.length; i++) {
            StackTraceElement e = trace[i];
            if (e.getClassName().equals(DiagnosticsTest.class.getName())
                    && e.getMethodName().equals(method)
                    && "DiagnosticsTest.java".equals(e.getFileName())
                    && e.getLineNumber() == line) {
                return i;
            }
        }
        return -1;
    }
}
