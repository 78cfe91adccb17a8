package dev.weft.it;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.Waker;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A StackOverflowError during the first await of a JVM must not poison weft's classes (issue 12,
 * point 3): in a child JVM with a 1 MB stack, the first awaits run at the very end of the stack
 * (they overflow), then ordinary awaits must still work, not fail with NoClassDefFoundError.
 */
class FirstAwaitOverflowTest {

    /** The child JVM's program: woven by the agent there; its host is initialised at start-up. */
    static final class Child {

        private static final Waker NOOP =
                new Waker() {
                    @Override
                    public void wake() {}
                };

        private static boolean worked;
        private static int overflows;

        static Future<Integer> one() {
            return Future.ready(await(Future.ready(1)));
        }

        static CompletableFuture<Integer> two() {
            return CompletableFuture.completedFuture(await(CompletableFuture.completedFuture(2)));
        }

        /** A lazy and an eager await; a StackOverflowError (thrown or completed with) escapes. */
        static void attempt() {
            Poll<Integer> p = one().poll(Context.of(NOOP));
            CompletableFuture<Integer> e = two();
            try {
                worked = p.value() == 1 && e.join() == 2;
            } catch (CompletionException x) {
                if (x.getCause() instanceof StackOverflowError) {
                    throw (StackOverflowError) x.getCause();
                }
                throw x;
            }
        }

        /** Recurses until the stack overflows, then attempts once per level on the way back. */
        static void dive() {
            try {
                dive();
            } catch (StackOverflowError e) {
                overflows++;
            }
            if (!worked) {
                attempt();
            }
        }

        public static void main(String[] args) {
            dive();
            worked = false;
            attempt();
            System.out.println("awaits work: " + worked + " after " + overflows + " overflows");
        }
    }

    @Test
    void anOverflowDuringTheFirstAwaitDoesNotBreakLaterAwaits() throws Exception {
        List<String> cmd =
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xss1m",
                        "-javaagent:"
                                + System.getProperty(
                                        "weft.agent.jar", "../agent/target/weft-agent.jar"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Child.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "child JVM did not finish");
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        assertTrue(text.contains("awaits work: true after "), text);
        assertTrue(!text.contains("after 0 overflows"), "the child never overflowed: " + text);
    }
}
