package dev.weft.it;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Future;
import dev.weft.testkit.BothModes;
import dev.weft.testkit.Drive;
import dev.weft.testkit.Leaf;
import dev.weft.testkit.Mode;

/** Values of every width sitting on the operand stack below an await must survive it. */
class OperandStackTest {

    static Future<Long> longBelow(long a) {
        long x = a + await(Leaf.of(5L));
        return Future.ready(x);
    }

    @BothModes
    void longBelowAnAwait(Mode mode) {
        assertEquals((1L << 35) + 5L, Drive.value(mode, () -> longBelow(1L << 35)));
    }

    static Future<Double> doubleBelow(double a) {
        double x = a * await(Leaf.of(2.0)) - await(Leaf.of(0.5));
        return Future.ready(x);
    }

    @BothModes
    void doubleBelowAnAwait(Mode mode) {
        assertEquals(2.5, Drive.value(mode, () -> doubleBelow(1.5)));
    }

    static String m(
            long a, double b, int c, char d, byte e, float f, String g, boolean h, short i) {
        return a + "|" + b + "|" + c + "|" + d + "|" + e + "|" + f + "|" + g + "|" + h + "|" + i;
    }

    static Future<String> allWidths() {
        return Future.ready(
                m(
                        1L,
                        2.0,
                        await(Leaf.of(3)),
                        'c',
                        (byte) 4,
                        5.5f,
                        await(Leaf.of("s")),
                        true,
                        await(Leaf.of((short) 9))));
    }

    @BothModes
    void everyWidthAsArgumentsBelowAwaits(Mode mode) {
        assertEquals("1|2.0|3|c|4|5.5|s|true|9", Drive.value(mode, OperandStackTest::allWidths));
    }

    static long sum(long a, long b) {
        return a + b;
    }

    static Future<Long> nestedCalls() {
        return Future.ready(sum(1L, sum(2L, sum(await(Leaf.of(3L)), 4L)) + await(Leaf.of(10L))));
    }

    @BothModes
    void nestedCallsWithLongsPending(Mode mode) {
        assertEquals(20L, Drive.value(mode, OperandStackTest::nestedCalls));
    }

    final int base = 100;

    int plus(int a, long b, int c) {
        return base + a + (int) b + c;
    }

    /** {@code this} and a receiver object on the stack below the await. */
    Future<Integer> receiverBelow(StringBuilder sb) {
        int r = this.plus(1, await(Leaf.of(2L)), 3);
        sb.append(r).append(await(Leaf.of("!")));
        return Future.ready(sb.length());
    }

    @BothModes
    void receiverAndThisBelowAnAwait(Mode mode) {
        StringBuilder sb = new StringBuilder("ab");
        assertEquals(6, Drive.value(mode, () -> new OperandStackTest().receiverBelow(sb)));
        assertEquals("ab106!", sb.toString());
    }

    static Future<Integer> arithmetic(int x) {
        int r =
                x * (x + await(Leaf.of(1)))
                        - (x << await(Leaf.of(2))) % 7
                        + (x > 0 ? await(Leaf.of(5)) : -1);
        return Future.ready(r);
    }

    @BothModes
    void intArithmeticAroundAwaits(Mode mode) {
        // 3 * 4 - (12 % 7) + 5 = 12
        assertEquals(12, Drive.value(mode, () -> arithmetic(3)));
    }

    static Future<Boolean> comparisons(long a, double d) {
        boolean r =
                a < await(Leaf.of(10L))
                        && d >= await(Leaf.of(1.0))
                        && !(await(Leaf.of(Boolean.FALSE)));
        return Future.ready(r);
    }

    @BothModes
    void comparisonsAndShortCircuits(Mode mode) {
        assertEquals(Boolean.TRUE, Drive.value(mode, () -> comparisons(3L, 1.0)));
        assertEquals(Boolean.FALSE, Drive.value(mode, () -> comparisons(30L, 1.0)));
    }
}
