package dev.weft.it;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Future;
import dev.weft.testkit.BothModes;
import dev.weft.testkit.Drive;
import dev.weft.testkit.Leaf;
import dev.weft.testkit.Mode;

/** Recursion, deep chains of coroutines and long suspending loops. */
class RecursionAndSizeTest {

    static Future<Integer> fib(int n) {
        if (n < 2) {
            return Future.ready(await(Leaf.of(n)));
        }
        return Future.ready(await(fib(n - 1)) + await(fib(n - 2)));
    }

    @BothModes
    void asyncFib(Mode mode) {
        assertEquals(610, Drive.value(mode, () -> fib(15)));
    }

    static Future<Integer> depth(int n) {
        int here = await(Leaf.of(1));
        if (n == 0) {
            return Future.ready(0);
        }
        return Future.ready(here + await(depth(n - 1)));
    }

    @BothModes
    void thousandDeepAsyncRecursion(Mode mode) {
        assertEquals(1000, Drive.value(mode, () -> depth(1000)));
    }

    static Future<Long> loop(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += await(Leaf.of(i));
        }
        return Future.ready(sum);
    }

    @BothModes
    void loopOf200000SuspendingAwaits(Mode mode) {
        int n = 200_000;
        Drive.Outcome<Long> o = Drive.run(mode, () -> loop(n), false);
        assertEquals(null, o.error());
        assertEquals((long) n * (n - 1) / 2, o.value());
        if (mode == Mode.PENDING) {
            // every leaf is pending once or twice (see Leaf), so at least n suspensions
            assertEquals(true, o.suspensions() >= n, "suspensions: " + o.suspensions());
        }
    }

    @BothModes
    void sixtyAwaitsInOneMethod(Mode mode) {
        assertEquals(GeneratedLarge.SIXTY_EXPECTED, Drive.value(mode, GeneratedLarge::sixtyAwaits));
    }

    @BothModes
    void moreThan260LocalSlotsLiveAcrossAnAwait(Mode mode) {
        assertEquals(
                GeneratedLarge.MANY_LOCALS_EXPECTED, Drive.value(mode, GeneratedLarge::manyLocals));
    }
}
