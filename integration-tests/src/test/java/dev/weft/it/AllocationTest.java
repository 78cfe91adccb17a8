package dev.weft.it;

import static dev.weft.Async.await;
import static dev.weft.testkit.AllocationMeter.allocated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.Waker;
import org.junit.jupiter.api.Test;

/**
 * Allocation properties of woven code, measured with the thread's allocation counter after
 * warm-up (they print their numbers). Bounds are in bytes per operation, never in time.
 */
class AllocationTest {

    private static final Future<Integer> READY = Future.ready(7);

    static Future<Long> awaitReady(Future<Integer> f, int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += await(f);
        }
        return Future.ready(sum);
    }

    /** A reusable leaf that alternates Pending (waking itself) and ready; allocates nothing. */
    static final class Flip implements Future<Integer> {
        private static final Poll<Integer> ONE = Poll.ready(1);
        private boolean ready;

        @Override
        public Poll<Integer> poll(Context cx) {
            ready = !ready;
            if (ready) {
                return ONE;
            }
            cx.waker().wake();
            return Poll.pending();
        }
    }

    static final class Flag implements Waker {
        boolean woken;

        @Override
        public void wake() {
            woken = true;
        }
    }

    static Future<Long> awaitSuspending(Future<Integer> f, int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += await(f);
        }
        return Future.ready(sum);
    }

    /** Polls to completion without allocating; returns the number of suspensions. */
    static long drive(Future<Long> f, Context cx, Flag flag, long[] value) {
        long suspensions = 0;
        for (; ; ) {
            flag.woken = false;
            Poll<Long> p = f.poll(cx);
            if (p.isReady()) {
                value[0] = p.value();
                return suspensions;
            }
            if (!flag.woken) {
                throw new AssertionError("pending without a wake");
            }
            suspensions++;
        }
    }

    @Test
    void awaitingAnAlreadyReadyFutureAllocatesNothing() {
        Flag flag = new Flag();
        Context cx = Context.of(flag);
        long[] value = new long[1];
        int n = 100_000;
        for (int i = 0; i < 30; i++) { // warm-up: interpreter, C1, C2
            drive(awaitReady(READY, n), cx, flag, value);
            drive(awaitReady(READY, 1), cx, flag, value);
        }
        long a0 = allocated();
        long s = drive(awaitReady(READY, 1), cx, flag, value);
        long a1 = allocated();
        drive(awaitReady(READY, n), cx, flag, value);
        long a2 = allocated();
        assertEquals(0, s);
        assertEquals(7L * n, value[0]);
        long oneAwait = a1 - a0;
        long manyAwaits = a2 - a1;
        double perAwait = (manyAwaits - oneAwait) / (double) (n - 1);
        System.out.printf(
                "[alloc] ready await: call with 1 await %d B, with %d awaits %d B, %.4f B per extra await%n",
                oneAwait, n, manyAwaits, perAwait);
        assertTrue(
                perAwait < 0.01, "awaiting a ready future allocated " + perAwait + " B per await");
    }

    @Test
    void aSuspendingLoopReusesOneStateObject() {
        Flag flag = new Flag();
        Context cx = Context.of(flag);
        long[] value = new long[1];
        int n = 200_000;
        Flip flip = new Flip();
        for (int i = 0; i < 20; i++) {
            drive(awaitSuspending(flip, n), cx, flag, value);
            drive(awaitSuspending(flip, 1), cx, flag, value);
        }
        long a0 = allocated();
        long s1 = drive(awaitSuspending(flip, 1), cx, flag, value);
        long a1 = allocated();
        long sn = drive(awaitSuspending(flip, n), cx, flag, value);
        long a2 = allocated();
        assertEquals(1, s1);
        assertEquals(n, sn);
        assertEquals(n, value[0]);
        long oneCall = a1 - a0;
        long loop = a2 - a1;
        double perSuspension = (loop - oneCall) / (double) (n - 1);
        System.out.printf(
                "[alloc] suspending loop with an allocation-free leaf: 1 suspension %d B (state object"
                        + " and result), %d suspensions %d B, %.4f B per extra suspension%n",
                oneCall, n, loop, perSuspension);
        assertTrue(perSuspension < 0.01, "each suspension allocated " + perSuspension + " B");
    }

    /** A leaf allocated per iteration (the realistic case): pending once, then ready. */
    static final class OneShot implements Future<Integer> {
        private static final Poll<Integer> ONE = Poll.ready(1);
        private boolean polled;

        @Override
        public Poll<Integer> poll(Context cx) {
            if (polled) {
                return ONE;
            }
            polled = true;
            cx.waker().wake();
            return Poll.pending();
        }
    }

    static Future<Long> awaitFreshLeaves(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += await(new OneShot());
        }
        return Future.ready(sum);
    }

    @Test
    void theSuspendingLoopAllocatesOnlyItsLeafFutures() {
        Flag flag = new Flag();
        Context cx = Context.of(flag);
        long[] value = new long[1];
        int n = 200_000;
        OneShot[] sink = new OneShot[1];
        for (int i = 0; i < 20; i++) {
            drive(awaitFreshLeaves(n), cx, flag, value);
            for (int k = 0; k < n; k++) {
                sink[0] = new OneShot();
            }
        }
        long a0 = allocated();
        for (int k = 0; k < n; k++) {
            sink[0] = new OneShot();
        }
        long a1 = allocated();
        long s = drive(awaitFreshLeaves(n), cx, flag, value);
        long a2 = allocated();
        assertEquals(n, s);
        long leaves = a1 - a0;
        long loop = a2 - a1;
        System.out.printf(
                "[alloc] %d suspending awaits on fresh leaves: loop %d B, the leaves alone %d B"
                        + " (%.2f B per iteration beyond the leaf)%n",
                n, loop, leaves, (loop - leaves) / (double) n);
        assertTrue(
                loop - leaves < n / 100,
                "the loop allocated " + (loop - leaves) + " B beyond its leaves");
    }
}
