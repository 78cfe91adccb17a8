package dev.weft.it;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        Thread t = new Thread(null, () -> {
            try {
                out.set(body.call());
            } catch (Throwable e) {
                out.set(new Thrown(e));
            }
        }, "stack-depth", stackBytes);
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
        ExecutionException e = assertThrows(ExecutionException.class, () -> top.get(0, TimeUnit.SECONDS));
        assertInstanceOf(StackOverflowError.class, e.getCause());
    }
}
