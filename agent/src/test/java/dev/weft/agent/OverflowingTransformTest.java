package dev.weft.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.agent.testkit.WeavingLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A class first loaded at the bottom of a deep recursion: its loading thread runs out of stack
 * inside the weaver. Defined unwoven, it would stay unwoven for the life of its loader, so the
 * transformer weaves it again on a fresh stack.
 */
class OverflowingTransformTest {

    private static final String SAMPLE = "dev.weft.agent.samples.Locals";

    private final WeavingTransformer transformer = new WeavingTransformer();
    private final ClassLoader app = getClass().getClassLoader();
    private final String name = SAMPLE.replace('.', '/');
    private final byte[] original = WeavingLoader.original(SAMPLE);

    private int attempts;
    private int woven;
    private int unwoven;
    private int noStackToCall;

    /** Recurses until the stack overflows, then transforms once per level on the way back. */
    private void dive() {
        try {
            dive();
        } catch (StackOverflowError e) {
            // the bottom: from here up, every level transforms once
        }
        if (attempts < 1500) {
            attempts++;
            try {
                if (transformer.transform(app, name, null, null, original) == null) {
                    unwoven++;
                } else {
                    woven++;
                }
            } catch (StackOverflowError e) {
                noStackToCall++; // not even the call could be made: the JVM would not call us
            }
        }
    }

    @Test
    void aClassLoadedAtTheEndOfTheStackIsStillWoven() throws Exception {
        // the first weave for a loader runs on a fresh stack anyway
        assertNotNull(transformer.transform(app, name, null, null, original));
        PrintStream err = System.err;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        Thread t = new Thread(null, this::dive, "deep", 512 * 1024);
        System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
        try {
            t.start();
            t.join();
        } finally {
            System.setErr(err);
        }
        String text = said.toString(StandardCharsets.UTF_8);
        assertEquals(1500, attempts);
        assertTrue(woven > 0, "nothing was woven: " + text);
        assertTrue(
                transformer.weavesAfterOverflow() > 0,
                "no transform ran out of stack inside the weaver; the test missed its point");
        assertFalse(
                text.contains("weaving failed"),
                "a transform that ran out of stack left the class unwoven: " + text);
        // What the handover itself needs is the only stack the loading thread must still have:
        // below that, the class loads unwoven and is reported by the next transform.
        assertTrue(
                unwoven == 0 || text.contains("too little left even to hand the weave"),
                unwoven + " transforms left the class unwoven without a report: " + text);
        assertTrue(
                unwoven < transformer.weavesAfterOverflow(),
                "of the transforms that ran out of stack, "
                        + transformer.weavesAfterOverflow()
                        + " were woven on the weft-weaver thread and "
                        + unwoven
                        + " were not: "
                        + text);
    }
}
