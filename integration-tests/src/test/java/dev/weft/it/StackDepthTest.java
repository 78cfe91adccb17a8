package dev.weft.it;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.AsyncRuntime;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.Poll;
import dev.weft.Waker;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Deep chains of async calls (issue 12, points 2 and 4): an eager chain completing from its leaf
 * resumes level after level without nesting, its future always completes (a StackOverflowError
 * of the descent included), and a chain built on a large stack resumes and completes on a
 * default-sized one.
 */
class StackDepthTest {

    /** Generous: only a hang guard (the chains complete in well under a second). */
    private static final long HANG_GUARD_SECONDS = 60;

    /** Room for the descent of every chain here (reserved, touched only as deep as used). */
    private static final long DESCENT_STACK = 2L << 30;

    static CompletableFuture<Integer> eager(int n, CompletableFuture<Integer> leaf) {
        if (n == 0) {
            return CompletableFuture.completedFuture(await(leaf));
        }
        return CompletableFuture.completedFuture(await(eager(n - 1, leaf)) + 1);
    }

    /** Runs {@code body} on a fresh thread with {@code stackBytes} of stack and waits for it. */
    static <T> T onThread(long stackBytes, java.util.concurrent.Callable<T> body) throws Exception {
        AtomicReference<Object> out = new AtomicReference<>();
        Thread t =
                new Thread(
                        null,
                        () -> {
                            try {
                                out.set(body.call());
                            } catch (Throwable e) {
                                out.set(new Thrown(e));
                            }
                        },
                        "stack-depth",
                        stackBytes);
        t.start();
        t.join(TimeUnit.SECONDS.toMillis(HANG_GUARD_SECONDS));
        assertTrue(!t.isAlive(), "thread still running");
        Object o = out.get();
        if (o instanceof Thrown) {
            throw new AssertionError("thread failed", ((Thrown) o).error);
        }
        @SuppressWarnings("unchecked")
        T v = (T) o;
        return v;
    }

    private static final class Thrown {
        final Throwable error;

        Thrown(Throwable error) {
            this.error = error;
        }
    }

    /** Completes {@code leaf} from a new thread with the default stack size. */
    static void completeFromAnotherThread(CompletableFuture<Integer> leaf) throws Exception {
        onThread(0, () -> leaf.complete(0));
    }

    @Test
    void aThousandDeepEagerChainCompletesWhenItsLeafCompletesOnAnotherThread() throws Exception {
        CompletableFuture<Integer> leaf = new CompletableFuture<>();
        CompletableFuture<Integer> top = onThread(DESCENT_STACK, () -> eager(1000, leaf));
        assertTrue(!top.isDone());
        completeFromAnotherThread(leaf);
        assertEquals(1000, top.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void aHundredThousandDeepEagerChainBuiltOnALargeStackCompletesOnADefaultOne() throws Exception {
        CompletableFuture<Integer> leaf = new CompletableFuture<>();
        CompletableFuture<Integer> top = onThread(DESCENT_STACK, () -> eager(100_000, leaf));
        assertTrue(!top.isDone());
        completeFromAnotherThread(leaf);
        assertEquals(100_000, top.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void anEagerDescentThatOverflowsCompletesItsFutureWithTheStackOverflowError() throws Exception {
        CompletableFuture<Integer> leaf = new CompletableFuture<>();
        CompletableFuture<Integer> top = onThread(1L << 20, () -> eager(10_000_000, leaf));
        assertTrue(top.isDone(), "the future of an overflowed descent must be complete");
        ExecutionException e =
                assertThrows(ExecutionException.class, () -> top.get(0, TimeUnit.SECONDS));
        assertInstanceOf(StackOverflowError.class, e.getCause());
    }

    // ---- the cost of an eager descent: point 4 ----

    /**
     * The child JVM of {@link #anEagerDescentCostsOneJavaFrameALevel}: interpreted
     * only, so frames have fixed sizes, and every depth is measured on a fresh thread of the same
     * stack size.
     */
    static final class EagerDescentChild {

        private static final long STACK = 1L << 20;

        private static int depth;

        static int plain(int n) {
            depth++;
            if (n == 0) {
                return 0;
            }
            return plain(n - 1) + 1;
        }

        /** EA Async's promise type, as a user declares it. */
        public static class Task<T> extends CompletableFuture<T> {}

        static Task<Integer> task(int n, CompletableFuture<Integer> leaf) {
            if (n == 0) {
                return completed(await(leaf));
            }
            return completed(await(task(n - 1, leaf)) + 1);
        }

        static Task<Integer> completed(int v) {
            Task<Integer> t = new Task<>();
            t.complete(v);
            return t;
        }

        /** The value of a chain of {@code n} levels, descended on a fresh thread, or its failure. */
        static String chain(boolean subclass, int n) throws Exception {
            CompletableFuture<Integer> leaf = new CompletableFuture<>();
            Object top = onThread(STACK, () -> subclass ? task(n, leaf) : eager(n, leaf));
            leaf.complete(0);
            try {
                return String.valueOf(((CompletableFuture<?>) top).get());
            } catch (ExecutionException e) {
                return e.getCause().toString();
            }
        }

        /** Each level awaits the next through a variable: polled through its state object. */
        static Future<Integer> stored(int n) {
            if (n == 0) {
                return Future.ready(await(Future.ready(0)));
            }
            Future<Integer> next = stored(n - 1);
            return Future.ready(await(next) + 1);
        }

        /** The value of a chain of state objects of {@code n} levels, or its failure. */
        static String storedChain(int n) throws Exception {
            try {
                return String.valueOf(onThread(STACK, () -> stored(n).poll(HAND).value()));
            } catch (AssertionError e) {
                return e.getCause().toString();
            }
        }

        public static void main(String[] args) throws Exception {
            int plainDepth =
                    onThread(
                            STACK,
                            () -> {
                                depth = 0;
                                try {
                                    plain(Integer.MAX_VALUE);
                                } catch (StackOverflowError e) {
                                    // as deep as plain Java goes
                                }
                                return depth;
                            });
            int n = plainDepth * 3 / 5;
            System.out.println("plain " + plainDepth + ", levels " + n);
            System.out.println("eager: " + chain(false, n));
            System.out.println("subclass: " + chain(true, n));
            int stored = plainDepth * 2 / 7;
            System.out.println("state objects " + stored + ": " + storedChain(stored));
        }
    }

    /**
     * Issue 12, point 4: descending costs at most a small constant times plain Java. An eager
     * chain of n levels completes on a stack where plain recursion goes only 5n/3 deep: one Java
     * frame a level, the stub with the body inlined, about 1.4 times plain (with the stub calling
     * the body, two frames and 2.3 times plain, it overflowed there; with the six frames before
     * issue 12, 7 times). A chain of state objects of m levels completes where plain recursion
     * goes 3.5m deep: two frames a level, the companion's enter and the body, about 2.5 times
     * plain (the poll loop's three frames, 3.9 times, overflowed there).
     */
    @Test
    void anEagerDescentCostsOneJavaFrameALevel() throws Exception {
        List<String> cmd =
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xint",
                        "-javaagent:"
                                + System.getProperty(
                                        "weft.agent.jar", "../agent/target/weft-agent.jar"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        EagerDescentChild.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "child JVM did not finish");
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("levels (\\d+)").matcher(text);
        assertTrue(m.find(), text);
        String levels = m.group(1);
        assertTrue(Integer.parseInt(levels) > 1000, "plain recursion too shallow: " + text);
        assertTrue(text.contains("eager: " + levels + "\n"), text);
        assertTrue(text.contains("subclass: " + levels + "\n"), text);
        // a chain of state objects (awaits through a variable) of plain / 3.5 levels: 2 frames a
        // level fit, the 3 of the poll loop (3.9 times plain) did not
        java.util.regex.Matcher s =
                java.util.regex.Pattern.compile("state objects (\\d+): (\\S+)").matcher(text);
        assertTrue(s.find(), text);
        assertEquals(s.group(1), s.group(2), text);
    }

    // ---- lazy chains (dev.weft.Future): point 4 ----

    /** A leaf pending until opened (with a value or a failure); keeps the latest waker. */
    static final class Gate implements Future<Integer> {
        private volatile boolean open;
        private volatile RuntimeException error;
        private volatile Waker waker;

        @Override
        public Poll<Integer> poll(Context cx) {
            if (!open) {
                waker = cx.waker();
                if (!open) {
                    return Poll.pending();
                }
            }
            if (error != null) {
                throw error;
            }
            return Poll.ready(0);
        }

        void open(RuntimeException failure) {
            error = failure;
            open = true;
            Waker w = waker;
            if (w != null) {
                w.wake();
            }
        }
    }

    /** Each level awaits the next directly: the direct-await path. */
    static Future<Integer> direct(int n, Gate gate) {
        if (n == 0) {
            return Future.ready(await(gate));
        }
        return Future.ready(await(direct(n - 1, gate)) + 1);
    }

    /** Each level awaits the next through a variable: every level has its state object. */
    static Future<Integer> stored(int n, Gate gate) {
        if (n == 0) {
            return Future.ready(await(gate));
        }
        Future<Integer> next = stored(n - 1, gate);
        return Future.ready(await(next) + 1);
    }

    /** Each level returns the next call: awaited in tail position. */
    static Future<Integer> tail(int n, Gate gate) {
        int here = await(Future.ready(n));
        if (here == 0) {
            return Future.ready(await(gate));
        }
        return tail(n - 1, gate);
    }

    /** Catches at the top what the leaf throws at the bottom. */
    static Future<Object> catching(int n, Gate gate) {
        try {
            return Future.ready(await(direct(n, gate)));
        } catch (IllegalStateException e) {
            return Future.ready(e);
        }
    }

    private static final int DEEP = 100_000;

    private static final Context HAND = Context.of(() -> {});

    /** Polls {@code f} once on a thread with a descent-sized stack: the chain is built. */
    static <T> Future<T> built(Future<T> f) throws Exception {
        boolean ready = onThread(DESCENT_STACK, () -> f.poll(HAND).isReady());
        assertFalse(ready, "the chain must be suspended on its leaf");
        return f;
    }

    /** Polls {@code f} on a thread with the default stack size. */
    static <T> Poll<T> pollOnDefaultStack(Future<T> f) throws Exception {
        return onThread(0, () -> f.poll(HAND));
    }

    @Test
    void aHundredThousandDeepDirectChainResumesAndCompletesOnADefaultStack() throws Exception {
        Gate gate = new Gate();
        Future<Integer> top = built(direct(DEEP, gate));
        assertFalse(pollOnDefaultStack(top).isReady(), "re-polled while the leaf is pending");
        gate.open(null);
        assertEquals(DEEP, pollOnDefaultStack(top).value());
    }

    @Test
    void aHundredThousandDeepChainOfStateObjectsResumesAndCompletesOnADefaultStack()
            throws Exception {
        Gate gate = new Gate();
        Future<Integer> top = built(stored(DEEP, gate));
        assertFalse(pollOnDefaultStack(top).isReady(), "re-polled while the leaf is pending");
        gate.open(null);
        assertEquals(DEEP, pollOnDefaultStack(top).value());
    }

    @Test
    void aHundredThousandDeepTailChainCompletesOnADefaultStack() throws Exception {
        Gate gate = new Gate();
        Future<Integer> top = built(tail(DEEP, gate));
        gate.open(null);
        assertEquals(0, pollOnDefaultStack(top).value());
    }

    @Test
    void aFailureAtTheBottomOfAHundredThousandFramesReachesTheTopAsTheSameObject()
            throws Exception {
        Gate gate = new Gate();
        Future<Object> top = built(catching(DEEP, gate));
        IllegalStateException error = new IllegalStateException("leaf failed");
        gate.open(error);
        assertSame(error, pollOnDefaultStack(top).value());
    }

    @Test
    void aSpawnedTaskResumesAHundredThousandDeepChainOnItsWorker() throws Exception {
        Gate gate = new Gate();
        Future<Integer> top = built(stored(DEEP, gate));
        try (AsyncRuntime rt = AsyncRuntime.builder().workers(1).build()) {
            JoinHandle<Integer> h = rt.spawn(top);
            gate.open(null);
            assertEquals(DEEP, h.toCompletableFuture().get(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
        }
    }
}
