package dev.weft.it;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.AsyncRuntime;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.internal.context.CancelSignal;
import dev.weft.internal.context.Contexts;
import dev.weft.testkit.BothModes;
import dev.weft.testkit.Drive;
import dev.weft.testkit.Leaf;
import dev.weft.testkit.Mode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Awaits of same-class woven calls run the callee's direct entry (no state object unless it
 * suspends). Each shape runs ready and pending; the pending runs suspend at the innermost leaf,
 * so every level of the chain builds its state object on the way out and resumes through it.
 */
class DirectAwaitTest {

    static Future<Long> chain(int depth) {
        long a = depth;
        long b = 2L * depth;
        long c = 3L * depth;
        long r;
        if (depth == 1) {
            r = await(Leaf.of(1000L));
        } else {
            r = await(chain(depth - 1));
        }
        return Future.ready(r + a + b + c);
    }

    private static long expected(int depth) {
        return 1000L + 6L * depth * (depth + 1) / 2;
    }

    @BothModes
    void chainsOfEveryDepthGiveTheirValue(Mode mode) {
        for (int depth : new int[] {1, 2, 4, 16, 64, 300}) {
            int d = depth;
            assertEquals(expected(d), Drive.value(mode, () -> chain(d)), "depth " + d);
        }
    }

    /** Wide and narrow parameters around the entry's (Context, root) pair; locals of every width. */
    static Future<Double> wide(long l, double x, int depth, byte b, float f, String s, char c) {
        long a = l * 2;
        double y = x / 2;
        int n = s.length() + c;
        double r =
                depth == 0
                        ? await(Leaf.of(0.5))
                        : await(wide(l + 1, x * 2, depth - 1, (byte) (b + 1), f * 2, s + c, c));
        return Future.ready(r + a + y + n + b + f);
    }

    private static double wideExpected(
            long l, double x, int depth, byte b, float f, String s, char c) {
        double r =
                depth == 0
                        ? 0.5
                        : wideExpected(l + 1, x * 2, depth - 1, (byte) (b + 1), f * 2, s + c, c);
        return r + l * 2 + x / 2 + (s.length() + c) + b + f;
    }

    final class Inner {
        private Future<Double> wideOnThis(long l, double x, int depth) {
            long a = l + depth;
            double r =
                    depth == 0 ? await(Leaf.of(x)) : await(wideOnThis(l * 3, x + 0.25, depth - 1));
            return Future.ready(r + a);
        }
    }

    @BothModes
    void wideParametersAndLocals(Mode mode) {
        assertEquals(
                wideExpected(1L << 40, 1.5, 6, (byte) 3, 0.5f, "s", 'c'),
                Drive.value(mode, () -> wide(1L << 40, 1.5, 6, (byte) 3, 0.5f, "s", 'c')));
        double want = 1.5 + 1.25 * 0 + 0.25 * 4; // x grows by 0.25 per level
        long sum = 0;
        long l = 5;
        for (int d = 4; d >= 0; d--) {
            sum += l + d;
            l *= 3;
        }
        assertEquals(want + sum, Drive.value(mode, () -> new Inner().wideOnThis(5, 1.5, 4)));
    }

    /** Values on the operand stack below the awaited call (spilled before the call, not after it). */
    static Future<String> stackBelow(int depth) {
        long base = 7;
        String s = "v" + base + ":" + (base + await(chain(depth))) + ":" + await(chain(1));
        return Future.ready(s);
    }

    @BothModes
    void valuesBelowTheAwaitedCallSurvive(Mode mode) {
        assertEquals(
                "v7:" + (7 + expected(4)) + ":" + expected(1),
                Drive.value(mode, () -> stackBelow(4)));
    }

    /** Instance methods the call cannot dispatch away from, on {@code this}. */
    static final class Node {
        private final long weight;

        Node(long weight) {
            this.weight = weight;
        }

        private Future<Long> walk(int depth) {
            long a = depth * weight;
            long r = depth == 1 ? await(Leaf.of(weight)) : await(walk(depth - 1));
            return Future.ready(r + a);
        }

        final Future<Long> top(int depth) {
            long r = await(walk(depth));
            return Future.ready(r * 2);
        }

        Future<Long> outer(int depth) {
            return Future.ready(await(top(depth)) + 1);
        }
    }

    @BothModes
    void privateAndFinalInstanceMethodsOnThis(Mode mode) {
        long w = 3;
        long walk = w + w * (16L * 17 / 2);
        assertEquals(walk * 2 + 1, Drive.value(mode, () -> new Node(w).outer(16)));
    }

    static Future<Long> failing(int depth, Throwable error, List<String> log) {
        long a = depth;
        try {
            long r =
                    depth == 1
                            ? await(Leaf.<Long>fail(error))
                            : await(failing(depth - 1, error, log));
            return Future.ready(r + a);
        } finally {
            log.add("finally " + depth);
        }
    }

    static Future<String> catching(int depth, Throwable error, List<String> log) {
        try {
            return Future.ready("value " + await(failing(depth, error, log), IOException.class));
        } catch (IOException e) { // the leaf's, thrown through a chain that declares nothing
            log.add("caught");
            return Future.ready("caught " + (e == error));
        }
    }

    @BothModes
    void aFailureComesUpTheChainAsTheSameObjectThroughEveryFinally(Mode mode) {
        IOException error = new IOException("leaf");
        List<String> log = new ArrayList<>();
        assertEquals("caught true", Drive.value(mode, () -> catching(8, error, log)));
        List<String> want = new ArrayList<>();
        for (int d = 1; d <= 8; d++) {
            want.add("finally " + d);
        }
        want.add("caught");
        assertEquals(want, log);

        RuntimeException unchecked = new IllegalStateException("x");
        assertSame(unchecked, Drive.error(mode, () -> failing(5, unchecked, new ArrayList<>())));
    }

    static Future<Long> throwsBeforeItsAwait(boolean fail) {
        if (fail) {
            throw new UnsupportedOperationException("early");
        }
        return Future.ready(await(Leaf.of(1L)));
    }

    static Future<String> awaitsEarlyThrower(List<String> log) {
        Future<Long> notAwaited = throwsBeforeItsAwait(true); // lazy: nothing runs, nothing thrown
        log.add("called");
        try {
            return Future.ready("got " + await(throwsBeforeItsAwait(true)));
        } catch (UnsupportedOperationException e) {
            log.add("caught at the await");
            return Future.ready("unawaited call still pending: " + (notAwaited != null));
        }
    }

    @BothModes
    void anExceptionBeforeTheCalleesFirstAwaitComesOutOfTheAwait(Mode mode) {
        List<String> log = new ArrayList<>();
        assertEquals(
                "unawaited call still pending: true",
                Drive.value(mode, () -> awaitsEarlyThrower(log)));
        assertEquals(List.of("called", "caught at the await"), log);
    }

    static Future<Long> logged(List<String> log, int depth) {
        log.add("body " + depth);
        return Future.ready(await(chain(depth)));
    }

    static Future<Long> notDirectlyAwaited(List<String> log) {
        Future<Long> f = logged(log, 2);
        log.add("after call");
        List<Future<Long>> later = new ArrayList<>();
        later.add(logged(log, 3));
        long v = await(f);
        log.add("after await");
        return Future.ready(v + await(later.get(0)));
    }

    @BothModes
    void aCallThatIsNotDirectlyAwaitedStaysLazy(Mode mode) {
        List<String> log = new ArrayList<>();
        assertEquals(expected(2) + expected(3), Drive.value(mode, () -> notDirectlyAwaited(log)));
        assertEquals(List.of("after call", "body 2", "after await", "body 3"), log);
    }

    /** The callee returns a future that is not Ready: the caller awaits it in tail position. */
    static Future<Long> returnsATail(int depth) {
        long x = await(Leaf.of(1L));
        return depth == 0 ? Future.ready(x) : chain(depth);
    }

    static Future<Long> awaitsTails(int depth) {
        long a = await(returnsATail(depth));
        long b = await(returnsATail(0));
        return Future.ready(a + b);
    }

    @BothModes
    void aReturnedFutureIsAwaitedInTailPosition(Mode mode) {
        assertEquals(expected(5) + 1, Drive.value(mode, () -> awaitsTails(5)));
    }

    static Future<String> waitsAt(int depth, Leaf<String> never, List<String> log) {
        long a = depth;
        try {
            String v = depth == 1 ? await(never) : await(waitsAt(depth - 1, never, log));
            return Future.ready(v + a);
        } catch (CancellationException e) {
            log.add("cancelled " + depth);
            throw e;
        } finally {
            log.add("finally " + depth);
        }
    }

    @Test
    void cancellingASuspendedChainCancelsTheLeafAndRunsEveryFinally() {
        Drive.reset(Mode.PENDING, true);
        List<String> log = new ArrayList<>();
        Leaf<String> never = Leaf.never();
        Future<String> f = waitsAt(16, never, log);
        Context cx = Context.of(() -> {});
        for (int i = 0; i < 3; i++) {
            assertFalse(f.poll(cx).isReady());
        }
        assertEquals(List.of(), log);
        f.cancel();
        assertTrue(never.isCancelled(), "the pending leaf is cancelled");
        List<String> want = new ArrayList<>();
        for (int d = 1; d <= 16; d++) {
            want.add("cancelled " + d);
            want.add("finally " + d);
        }
        assertEquals(want, log);
        assertThrows(CancellationException.class, () -> f.poll(cx));
    }

    @Test
    void pollingWithACancelledContextThrowsFromTheInnermostAwait() {
        Drive.reset(Mode.PENDING, true);
        List<String> log = new ArrayList<>();
        Leaf<String> never = Leaf.never();
        Context cancelled = Contexts.withCancel(Context.of(() -> {}), CancelSignal.ALWAYS);
        assertThrows(CancellationException.class, () -> waitsAt(4, never, log).poll(cancelled));
        assertTrue(never.isCancelled());
        assertEquals(
                List.of(
                        "cancelled 1",
                        "finally 1",
                        "cancelled 2",
                        "finally 2",
                        "cancelled 3",
                        "finally 3",
                        "cancelled 4",
                        "finally 4"),
                log);
    }

    static Future<Long> readyChain(Future<Long> leaf, int depth) {
        long a = depth;
        long r = depth == 1 ? await(leaf) : await(readyChain(leaf, depth - 1));
        return Future.ready(r + a);
    }

    static Future<Long> manyReadyChains(int n, int depth) {
        Future<Long> leaf = Future.ready(1L);
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += await(readyChain(leaf, depth));
        }
        return Future.ready(sum);
    }

    /**
     * In a task, a ready leaf answers Pending once the cooperative budget is spent: the chain
     * then suspends from direct mode (every level builds its state object) and resumes later.
     */
    @Test
    void readyChainsInATaskCrossTheCooperativeBudget() {
        long perChain = 1 + 32L * 33 / 2; // the leaf's 1 plus a = 1..32
        for (AsyncRuntime rt :
                new AsyncRuntime[] {
                    AsyncRuntime.currentThread(), AsyncRuntime.builder().workers(2).build()
                }) {
            try (rt) {
                assertEquals(1000 * perChain, rt.blockOn(manyReadyChains(1000, 32)));
                assertEquals(1000 * perChain, rt.blockOn(rt.spawn(manyReadyChains(1000, 32))));
            }
        }
    }

    static CompletableFuture<Long> eager(int depth) {
        long v = await(chain(depth));
        return CompletableFuture.completedFuture(v + 1);
    }

    @Test
    void anEagerMethodAwaitsAChainDirectly() throws Exception {
        Drive.reset(Mode.READY, true);
        assertEquals(
                expected(8) + 1, eager(8).getNow(-1L), "ready chain: complete before returning");
        Drive.reset(Mode.PENDING, true);
        CompletableFuture<Long> cf = eager(8);
        while (!cf.isDone()) {
            assertTrue(Drive.wakeParked() > 0, "pending with nothing to wake");
        }
        assertEquals(expected(8) + 1, cf.get());
    }

    static Future<Long> thrower(int depth) {
        long a = depth;
        if (depth == 1) {
            await(Leaf.of(0L));
            throw new IllegalArgumentException("deep"); // @throw-deep
        }
        return Future.ready(await(thrower(depth - 1)) + a); // @await-deep
    }

    @BothModes
    void stackTracesNameEveryLevelOfTheChainAtItsLine(Mode mode) {
        Throwable t = Drive.error(mode, () -> thrower(3));
        List<String> frames = new ArrayList<>();
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().equals(DirectAwaitTest.class.getName())
                    && e.getMethodName().equals("thrower")) {
                frames.add(e.getFileName() + ":" + e.getLineNumber());
            }
        }
        String file = "dev/weft/it/DirectAwaitTest.java";
        int throwLine = SourceLines.lineOf(file, "@throw" + "-deep");
        int awaitLine = SourceLines.lineOf(file, "@await" + "-deep");
        assertEquals(
                Collections.nCopies(1, "DirectAwaitTest.java:" + throwLine), frames.subList(0, 1));
        assertTrue(frames.size() >= 3, "all three levels: " + frames);
        for (String f : frames.subList(1, 3)) {
            assertEquals("DirectAwaitTest.java:" + awaitLine, f);
        }
    }
}
