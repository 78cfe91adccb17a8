package dev.weft.it;

import static dev.weft.Async.await;
import static dev.weft.testkit.AllocationMeter.allocated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.Waker;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 8 point 1(c): awaiting an already-ready future through a chain of D woven async methods
 * (each frame holding three long locals across its await) allocates nothing, because each await
 * of a same-class woven call runs the callee's direct entry instead of allocating its state
 * object. Measured with the thread's allocation counter after warm-up; prints its numbers.
 */
class DirectAwaitAllocationTest {

    /** A value in Long's cache, so the source's own boxing allocates nothing either. */
    private static final Future<Long> LEAF = Future.ready(5L);

    /** One frame of the chain: three long locals live across the await; the leaf at depth 1. */
    static Future<Long> chain(Future<Long> leaf, int depth) {
        long a = depth;
        long b = 2L * depth;
        long c = 3L * depth;
        long r;
        if (depth == 1) {
            r = await(leaf);
        } else {
            r = await(chain(leaf, depth - 1));
        }
        return Future.ready(r + a + b + c - 6L * depth);
    }

    /** The outer woven loop: one state object for the whole run. */
    static Future<Long> loop(Future<Long> leaf, int depth, int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += await(chain(leaf, depth));
        }
        return Future.ready(sum);
    }

    static final class Flag implements Waker {
        @Override
        public void wake() {
            throw new AssertionError("a ready chain never waits");
        }
    }

    private static long drive(Future<Long> f, Context cx) {
        Poll<Long> p = f.poll(cx);
        assertTrue(p.isReady(), "a ready chain completes in one poll");
        return p.value();
    }

    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {1, 4, 16, 64})
    void awaitingAReadyLeafThroughAChainAllocatesNothing(int depth) {
        Context cx = Context.of(new Flag());
        int n = 20_000;
        for (int i = 0; i < 40; i++) { // warm-up: interpreter, C1, C2
            drive(loop(LEAF, depth, n), cx);
            drive(loop(LEAF, depth, 1), cx);
        }
        long a0 = allocated();
        long one = drive(loop(LEAF, depth, 1), cx);
        long a1 = allocated();
        long many = drive(loop(LEAF, depth, n), cx);
        long a2 = allocated();
        assertEquals(5L, one);
        assertEquals(5L * n, many);
        long oneIteration = a1 - a0;
        long loopBytes = a2 - a1;
        double perIteration = (loopBytes - oneIteration) / (double) (n - 1);
        System.out.printf(
                "[alloc] ready leaf through a chain of depth %d: run with 1 iteration %d B, with %d"
                        + " iterations %d B, %.4f B per extra iteration%n",
                depth, oneIteration, n, loopBytes, perIteration);
        assertTrue(
                perIteration < 0.01,
                "depth " + depth + ": " + perIteration + " B per await of the chain");
    }
}
