package dev.weft.internal.coroutine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A woven class first initialised at the bottom of a deep recursion calls {@link
 * CompanionLoader#define} with almost no stack left. A static initializer that throws leaves its
 * class unusable for good, so a define that runs out of stack is done again on a fresh thread.
 */
class CompanionLoaderOverflowTest {

    private static final String TEMPLATE = "DefineTarget0000";
    private static final int ATTEMPTS = 1500;

    private final byte[] template = read();
    private final MethodHandles.Lookup lookup = MethodHandles.lookup();
    private final List<String> defined = new ArrayList<>();
    private final String[][] classes = new String[ATTEMPTS][];
    private int attempts;
    private int noStackToCall;
    private Throwable other;

    private static byte[] read() {
        try (InputStream in =
                CompanionLoaderOverflowTest.class.getResourceAsStream(TEMPLATE + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The template's class file under the name DefineTargetNNNN (same length: no offsets move). */
    private String[] renamed(int n) {
        String bytes = new String(template, StandardCharsets.ISO_8859_1);
        String name = String.format("DefineTarget%04d", n);
        return new String[] {bytes.replace(TEMPLATE, name), name};
    }

    /** Recurses until the stack overflows, then defines one class per level on the way back. */
    private void dive() {
        try {
            dive();
        } catch (StackOverflowError e) {
            // the bottom: from here up, every level defines once
        }
        if (attempts < ATTEMPTS) {
            // made before the dive: the JDK's own formatting classes fail to initialise down here
            String[] c = classes[attempts++];
            try {
                CompanionLoader.define(lookup, c[0]);
                defined.add(c[1]);
            } catch (StackOverflowError e) {
                noStackToCall++; // not even the call could be made
            } catch (Throwable e) {
                other = e;
            }
        }
    }

    @Test
    void aDefineThatRunsOutOfStackIsDoneOnAFreshThread() throws Exception {
        for (int i = 0; i < ATTEMPTS; i++) {
            classes[i] = renamed(i + 1);
        }
        int before = CompanionLoader.definedOnFreshStack();
        Thread t = new Thread(null, this::dive, "deep", 512 * 1024);
        t.start();
        t.join();
        assertEquals(null, other);
        assertEquals(ATTEMPTS, attempts);
        assertTrue(
                CompanionLoader.definedOnFreshStack() > before,
                "no define ran out of stack; the test missed its point ("
                        + noStackToCall
                        + " calls could not be made)");
        for (String name : defined) {
            Class<?> c = Class.forName(getClass().getPackageName() + "." + name);
            assertEquals(42, c.getDeclaredMethod("answer").invoke(null), name);
        }
    }
}
