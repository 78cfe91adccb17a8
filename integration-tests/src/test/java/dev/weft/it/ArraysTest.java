package dev.weft.it;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Future;
import dev.weft.testkit.BothModes;
import dev.weft.testkit.Drive;
import dev.weft.testkit.Leaf;
import dev.weft.testkit.Mode;
import java.util.Arrays;

/** Arrays with awaited sizes, indices and values; array references on the stack below awaits. */
class ArraysTest {

    static Future<String> creation() {
        int[] a = new int[await(Leaf.of(3))];
        String[][] grid = new String[await(Leaf.of(2))][await(Leaf.of(1))];
        long[] init = {await(Leaf.of(1L)), 2L, await(Leaf.of(3L))};
        double[][] jag = {{1.0}, {await(Leaf.of(2.0)), 3.0}};
        Object[] objs = new Object[] {null, await(Leaf.of("o")), init};
        return Future.ready(
                a.length
                        + ","
                        + grid.length
                        + "x"
                        + grid[0].length
                        + ","
                        + Arrays.toString(init)
                        + ","
                        + Arrays.deepToString(jag)
                        + ","
                        + objs[1]
                        + (objs[2] == init));
    }

    @BothModes
    void arrayCreationWithAwaitedSizesAndElements(Mode mode) {
        assertEquals(
                "3,2x1,[1, 2, 3],[[1.0], [2.0, 3.0]],otrue",
                Drive.value(mode, ArraysTest::creation));
    }

    static Future<String> stores() {
        int[] a = new int[4];
        a[await(Leaf.of(1))] = await(Leaf.of(10));
        a[2] = await(Leaf.of(20));
        a[await(Leaf.of(3))] += await(Leaf.of(5));
        a[await(Leaf.of(0))]++;
        long[] l = new long[2];
        l[await(Leaf.of(1))] = await(Leaf.of(Long.MAX_VALUE));
        char[] c = new char[1];
        c[0] = await(Leaf.of('q'));
        boolean[] z = new boolean[1];
        z[await(Leaf.of(0))] = await(Leaf.of(true));
        byte[] b = {0};
        b[0] = await(Leaf.of((byte) -1));
        short[] s = {0};
        s[0] = await(Leaf.of((short) 3));
        float[] f = {0f};
        f[0] = await(Leaf.of(0.25f));
        String[][] g = new String[1][1];
        g[await(Leaf.of(0))][await(Leaf.of(0))] = await(Leaf.of("g"));
        return Future.ready(
                Arrays.toString(a)
                        + Arrays.toString(l)
                        + c[0]
                        + z[0]
                        + b[0]
                        + s[0]
                        + f[0]
                        + g[0][0]);
    }

    @BothModes
    void storesWithAwaitedIndicesAndValues(Mode mode) {
        assertEquals(
                "[1, 10, 20, 5][0, 9223372036854775807]qtrue-130.25g",
                Drive.value(mode, ArraysTest::stores));
    }

    static Future<Integer> loads(int[][] m) {
        return Future.ready(m[await(Leaf.of(1))][await(Leaf.of(0))] + m[0][await(Leaf.of(1))]);
    }

    @BothModes
    void loadsWithAwaitedIndices(Mode mode) {
        assertEquals(5, Drive.value(mode, () -> loads(new int[][] {{1, 2}, {3, 4}})));
    }

    static Future<Integer> outOfBounds() {
        int[] a = new int[1];
        a[await(Leaf.of(5))] = 1;
        return Future.ready(a[0]);
    }

    @BothModes
    void awaitedIndexOutOfBoundsThrowsFromPoll(Mode mode) {
        assertEquals(
                ArrayIndexOutOfBoundsException.class,
                Drive.error(mode, ArraysTest::outOfBounds).getClass());
    }

    static int sum(int... xs) {
        return Arrays.stream(xs).sum();
    }

    static String join(String sep, Object... xs) {
        StringBuilder sb = new StringBuilder();
        for (Object x : xs) {
            sb.append(sep).append(x);
        }
        return sb.toString();
    }

    static Future<String> varargs() {
        int s = sum(1, await(Leaf.of(2)), 3, await(Leaf.of(4)));
        String j = join(await(Leaf.of("/")), "a", await(Leaf.of(1L)), null, await(Leaf.of(2.5)));
        String fmt = String.format("%s-%d", await(Leaf.of("f")), await(Leaf.of(9)));
        return Future.ready(s + j + fmt);
    }

    @BothModes
    void varargsWithAwaitedElements(Mode mode) {
        assertEquals("10/a/1/null/2.5f-9", Drive.value(mode, ArraysTest::varargs));
    }
}
