package dev.weft.it;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Future;
import dev.weft.testkit.BothModes;
import dev.weft.testkit.Drive;
import dev.weft.testkit.Leaf;
import dev.weft.testkit.Mode;
import java.util.List;

/** Awaits inside expressions: receivers, ternaries, string concatenation, nesting. */
class ExpressionsTest {

    static Future<Integer> methodOnAwaited() {
        return Future.ready(
                await(Leaf.of("abc")).length()
                        + await(Leaf.of(List.of(1, 2))).size()
                        + await(Leaf.of(new StringBuilder("x"))).append("yz").length());
    }

    @BothModes
    void methodCalledOnAwaitedValue(Mode mode) {
        assertEquals(8, Drive.value(mode, ExpressionsTest::methodOnAwaited));
    }

    static Future<String> ternary(boolean c) {
        int n = c ? await(Leaf.of(1)) : await(Leaf.of(2));
        Object o = c ? await(Leaf.of("s")) : await(Leaf.of(3L));
        long w = !c ? 10L : await(Leaf.of(20L));
        return Future.ready(n + "," + o + "," + w);
    }

    @BothModes
    void ternaryWithAnAwaitInEachBranch(Mode mode) {
        assertEquals("1,s,20", Drive.value(mode, () -> ternary(true)));
        assertEquals("2,3,10", Drive.value(mode, () -> ternary(false)));
    }

    static Future<String> concat(int i) {
        String s =
                "a"
                        + await(Leaf.of(1))
                        + 'b'
                        + await(Leaf.of(2L))
                        + i
                        + await(Leaf.of(3.5))
                        + await(Leaf.of((Object) null))
                        + await(Leaf.of('z'))
                        + await(Leaf.of(true));
        return Future.ready(s);
    }

    @BothModes
    void indyStringConcatenation(Mode mode) {
        assertEquals("a1b273.5nullztrue", Drive.value(mode, () -> concat(7)));
    }

    static Future<Integer> twice(int x) {
        return Future.ready(2 * await(Leaf.of(x)));
    }

    static Future<Integer> nested() {
        return Future.ready(await(twice(await(twice(await(Leaf.of(3)))))) + 1);
    }

    @BothModes
    void nestedAwaitOfAwait(Mode mode) {
        assertEquals(13, Drive.value(mode, ExpressionsTest::nested));
    }

    /** {@code return asyncCall()} completes with the callee's outcome (tail position). */
    static Future<Integer> tail(int x) {
        int y = await(Leaf.of(x));
        return twice(y + 1);
    }

    @BothModes
    void returnOfAnotherFutureIsAwaitedInTailPosition(Mode mode) {
        assertEquals(10, Drive.value(mode, () -> tail(4)));
    }

    static Future<String> compoundAssignment() {
        int[] counter = {5};
        String s = "s";
        s += await(Leaf.of("t"));
        counter[0] *= await(Leaf.of(3));
        long l = 4;
        l <<= await(Leaf.of(2));
        return Future.ready(s + counter[0] + l);
    }

    @BothModes
    void compoundAssignments(Mode mode) {
        assertEquals("st1516", Drive.value(mode, ExpressionsTest::compoundAssignment));
    }

    static Future<String> instanceofAndCasts(Object o) {
        Object v = await(Leaf.of(o));
        String kind =
                v instanceof String str
                        ? "str:" + str.length() + await(Leaf.of("!"))
                        : "other:" + (Integer) v;
        return Future.ready(kind);
    }

    @BothModes
    void patternInstanceofAndCast(Mode mode) {
        assertEquals("str:3!", Drive.value(mode, () -> instanceofAndCasts("abc")));
        assertEquals("other:4", Drive.value(mode, () -> instanceofAndCasts(4)));
    }
}
