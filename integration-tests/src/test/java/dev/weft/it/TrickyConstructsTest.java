package dev.weft.it;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Future;
import dev.weft.testkit.BothModes;
import dev.weft.testkit.Drive;
import dev.weft.testkit.Leaf;
import dev.weft.testkit.Mode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Constructs beyond issue 3's list where a weaver can go wrong: branches between NEW and its
 * constructor call, DUP_X/DUP2 forms of compound assignments on fields and long arrays,
 * multi-catch types, overloads, async lambdas inside constructors, eager methods over pending
 * leaves.
 */
class TrickyConstructsTest {

    static final class Box {
        final Object v;

        Box(Object v) {
            this.v = v;
        }

        @Override
        public String toString() {
            return "Box(" + v + ")";
        }
    }

    static final class Pair {
        final String a;
        final long b;

        Pair(String a, long b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public String toString() {
            return a + b;
        }
    }

    /** javac emits NEW, DUP, then the branches of the ternary, then INVOKESPECIAL. */
    static Future<String> newAroundBranches(boolean c) {
        Box x = new Box(c ? await(Leaf.of("a")) : "b");
        Box y = new Box(c ? "x" : await(Leaf.of("y")));
        Pair p = new Pair(await(Leaf.of("p")), c ? await(Leaf.of(1L)) : 2L);
        Box z =
                new Box(
                        await(Leaf.of(c))
                                ? new Box(await(Leaf.of(3)))
                                : new Pair("q", await(Leaf.of(4L))));
        return Future.ready(x + "," + y + "," + p + "," + z);
    }

    @BothModes
    void newWhoseArgumentsBranchAroundAnAwait(Mode mode) {
        assertEquals(
                "Box(a),Box(x),p1,Box(Box(3))", Drive.value(mode, () -> newAroundBranches(true)));
        assertEquals("Box(b),Box(y),p2,Box(q4)", Drive.value(mode, () -> newAroundBranches(false)));
    }

    int count = 1;
    long total = 10;
    static double shared = 0.5;

    Future<String> fieldCompounds() {
        count += await(Leaf.of(2));
        total *= await(Leaf.of(3L));
        shared += await(Leaf.of(0.25));
        long chained = total = total + await(Leaf.of(1L));
        int post = count++ + await(Leaf.of(100));
        this.count = this.count << await(Leaf.of(1));
        return Future.ready(count + "," + total + "," + shared + "," + chained + "," + post);
    }

    @BothModes
    void compoundAssignmentsOnInstanceAndStaticFields(Mode mode) {
        shared = 0.5;
        assertEquals(
                "8,31,0.75,31,103",
                Drive.value(mode, () -> new TrickyConstructsTest().fieldCompounds()));
    }

    static Future<String> wideArrayCompounds() {
        long[] l = {1, 2, 3};
        double[] d = {1.5, 2.5};
        l[await(Leaf.of(1))] += await(Leaf.of(40L));
        d[1] *= await(Leaf.of(2.0));
        long x = l[2]++ + await(Leaf.of(1000L));
        long y = l[0] = l[1] = await(Leaf.of(7L));
        return Future.ready(Arrays.toString(l) + Arrays.toString(d) + x + "," + y);
    }

    @BothModes
    void compoundAssignmentsOnLongAndDoubleArrays(Mode mode) {
        assertEquals(
                "[7, 7, 4][1.5, 5.0]1003,7",
                Drive.value(mode, TrickyConstructsTest::wideArrayCompounds));
    }

    static Future<String> ioFailure() throws IOException {
        return Leaf.fail(new IOException("io"));
    }

    static Future<String> multiCatch(int which) {
        try {
            if (which == 0) {
                await(ioFailure());
            } else {
                await(Leaf.<String>fail(new IllegalStateException("ise")));
            }
            return Future.ready("none");
        } catch (IOException | IllegalStateException e) {
            String suffix = await(Leaf.of("!"));
            return Future.ready(e.getClass().getSimpleName() + ":" + e.getMessage() + suffix);
        }
    }

    @BothModes
    void multiCatchParameterLiveAcrossAnAwait(Mode mode) {
        assertEquals("IOException:io!", Drive.value(mode, () -> multiCatch(0)));
        assertEquals("IllegalStateException:ise!", Drive.value(mode, () -> multiCatch(1)));
    }

    static Future<String> over(int x) {
        return Future.ready("int" + await(Leaf.of(x)));
    }

    static Future<String> over(String x) {
        return Future.ready("str" + await(Leaf.of(x)));
    }

    static Future<String> over(long x, Object... rest) {
        return Future.ready("long" + await(Leaf.of(x)) + rest.length);
    }

    @BothModes
    void overloadedAndVarargsAsyncMethods(Mode mode) {
        assertEquals("int1", Drive.value(mode, () -> over(1)));
        assertEquals("strs", Drive.value(mode, () -> over("s")));
        assertEquals("long22", Drive.value(mode, () -> over(2L, "a", "b")));
    }

    /** A lambda in a constructor is its own method: it may await (only the constructor may not). */
    static final class BuildsAsyncLambda {
        final Supplier<Future<Integer>> task;

        BuildsAsyncLambda(int base) {
            this.task = () -> Future.ready(base + await(Leaf.of(1)));
        }
    }

    @BothModes
    void asyncLambdaCreatedInsideAConstructor(Mode mode) {
        assertEquals(42, Drive.value(mode, () -> new BuildsAsyncLambda(41).task.get()));
    }

    static Future<String> labelledBlock(int n) {
        StringBuilder sb = new StringBuilder();
        block:
        {
            sb.append(await(Leaf.of("a")));
            if (await(Leaf.of(n)) > 1) {
                break block;
            }
            sb.append(await(Leaf.of("b")));
        }
        assert sb.length() > 0 : await(Leaf.of("assert message"));
        return Future.ready(sb.toString());
    }

    @BothModes
    void labelledBlockBreakAndAssert(Mode mode) {
        assertEquals("ab", Drive.value(mode, () -> labelledBlock(1)));
        assertEquals("a", Drive.value(mode, () -> labelledBlock(2)));
    }

    static Future<Integer> countdown(int n) {
        if (n == 0) {
            return Future.ready(await(Leaf.of(0)));
        }
        await(Leaf.of(n));
        return countdown(n - 1);
    }

    @BothModes
    void thousandDeepTailCalls(Mode mode) {
        assertEquals(0, Drive.value(mode, () -> countdown(1000)));
    }

    static Future<String> awaitNull() {
        String s = await(Leaf.of("before"));
        Future<String> nothing = null;
        return Future.ready(s + await(nothing));
    }

    @BothModes
    void awaitingNullThrowsNullPointerExceptionFromPoll(Mode mode) {
        Drive.reset(mode, true);
        Future<String> f = awaitNull(); // must not throw
        assertInstanceOf(NullPointerException.class, Drive.poll(f, mode).error());
    }

    static Future<String> monitorBetweenAwaits(Object lock) {
        String a = await(Leaf.of("a"));
        synchronized (lock) {
            a += "-locked";
        }
        return Future.ready(a + await(Leaf.of("-b")));
    }

    @BothModes
    void synchronizedBlockBetweenAwaitsIsAllowed(Mode mode) {
        assertEquals("a-locked-b", Drive.value(mode, () -> monitorBetweenAwaits(new Object())));
    }

    static CompletableFuture<String> eagerOverLeaves(List<String> log) {
        log.add("start");
        String a = await(Leaf.of("a"));
        log.add("after a");
        long b = await(Leaf.of(2L));
        return CompletableFuture.completedFuture(a + b);
    }

    @BothModes
    void eagerMethodOverPendingLeaves(Mode mode) {
        Drive.reset(mode, true);
        List<String> log = new ArrayList<>();
        CompletableFuture<String> cf = eagerOverLeaves(log);
        assertEquals("start", log.get(0));
        int rounds = 0;
        while (!cf.isDone()) {
            assertTrue(
                    Drive.wakeParked() > 0, "eager coroutine pending with nothing parked: " + log);
            rounds++;
        }
        assertEquals("a2", cf.join());
        assertEquals(List.of("start", "after a"), log);
        if (mode == Mode.READY) {
            assertEquals(0, rounds);
        }
    }
}
