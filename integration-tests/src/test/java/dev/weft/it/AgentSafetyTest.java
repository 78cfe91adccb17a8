package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The agent never breaks class loading: corrupt class files and unknown class-file versions that
 * mention weft reach the JVM untouched (the JVM's own error is what the caller sees), and the
 * agent reports each problem once (issue 3, point 5).
 */
class AgentSafetyTest {

    /** Defines raw bytes, so the agent's transformer sees them exactly as given. */
    static final class RawLoader extends ClassLoader {
        RawLoader() {
            super("weft-raw", AgentSafetyTest.class.getClassLoader());
        }

        Class<?> define(String name, byte[] b) {
            return defineClass(name, b, 0, b.length);
        }
    }

    /** The class file of a fixture that awaits (each test uses its own: reports are per class). */
    private static byte[] wovenCandidate(String simpleName) {
        return WovenBytes.read(
                Path.of("target/test-classes/dev/weft/it/fixtures/" + simpleName + ".class"));
    }

    private static String captureErr(Runnable r) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(original);
        }
        String s = captured.toString(StandardCharsets.UTF_8);
        original.print(s);
        return s;
    }

    @Test
    void aTruncatedClassThatMentionsWeftFailsWithTheJvmsOwnError() {
        byte[] b = wovenCandidate("ReflectedBeforeInit");
        byte[] truncated = Arrays.copyOf(b, b.length * 2 / 3);
        String err =
                captureErr(
                        () ->
                                assertThrows(
                                        ClassFormatError.class,
                                        () ->
                                                new RawLoader()
                                                        .define(
                                                                "dev.weft.it.fixtures.ReflectedBeforeInit",
                                                                truncated)));
        assertEquals(
                1,
                count(err, "[weft] dev.weft.it.fixtures.ReflectedBeforeInit"),
                "reported once:\n" + err);
    }

    @Test
    void anUnknownClassFileVersionIsPassedThroughUntouched() {
        byte[] b = wovenCandidate("UnknownVersionFixture");
        b[6] = 0;
        b[7] = (byte) 200; // major version 200: no JVM or ASM knows it
        String err =
                captureErr(
                        () ->
                                assertThrows(
                                        UnsupportedClassVersionError.class,
                                        () ->
                                                new RawLoader()
                                                        .define(
                                                                "dev.weft.it.fixtures.UnknownVersionFixture",
                                                                b)));
        assertEquals(
                1,
                count(err, "[weft] dev.weft.it.fixtures.UnknownVersionFixture"),
                "reported once:\n" + err);
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
