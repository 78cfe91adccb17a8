package dev.weft.it;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Future;
import dev.weft.testkit.BothModes;
import dev.weft.testkit.Drive;
import dev.weft.testkit.Leaf;
import dev.weft.testkit.Mode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Locals of every kind stay intact across suspensions. */
class LocalsTest {

    static Future<String> primitives() {
        boolean z = true;
        byte b = 1;
        char c = 'c';
        short s = 300;
        int i = 70_000;
        long l = 1L << 40;
        float f = 1.5f;
        double d = 2.25;
        int w = await(Leaf.of(1));
        z = !z;
        b += w;
        c += w;
        s += w;
        i += w;
        l += w;
        f += w;
        d += w;
        int w2 = await(Leaf.of(2));
        return Future.ready( // VerifyTest: last line
                z + " " + b + " " + c + " " + s + " " + i + " " + l + " " + f + " " + d + " " + w2);
    }

    @BothModes
    void primitiveLocals(Mode mode) {
        assertEquals(
                "false 2 d 301 70001 1099511627777 2.5 3.25 2",
                Drive.value(mode, LocalsTest::primitives));
    }

    static Future<String> extremes(long big, double tiny) {
        long a = Long.MIN_VALUE;
        double nan = Double.NaN;
        float negZero = -0.0f;
        char maxChar = Character.MAX_VALUE;
        byte minByte = Byte.MIN_VALUE;
        await(Leaf.of("x"));
        return Future.ready(
                a
                        + ","
                        + nan
                        + ","
                        + negZero
                        + ","
                        + (int) maxChar
                        + ","
                        + minByte
                        + ","
                        + big
                        + ","
                        + tiny);
    }

    @BothModes
    void extremeValuesAndParameters(Mode mode) {
        assertEquals(
                "-9223372036854775808,NaN,-0.0,65535,-128,9223372036854775807,4.9E-324",
                Drive.value(mode, () -> extremes(Long.MAX_VALUE, Double.MIN_VALUE)));
    }

    static Future<String> references() {
        String str = "s";
        Object nothing = null;
        int[] ints = {1, 2};
        long[][] grid = new long[2][3];
        String[] strs = {"a"};
        List<String> list = new ArrayList<>();
        list.add(await(Leaf.of("x")));
        ints[1] += await(Leaf.of(10));
        grid[1][2] = await(Leaf.of(5L));
        String n2 = await(Leaf.of((String) null));
        return Future.ready(
                str
                        + nothing
                        + Arrays.toString(ints)
                        + grid[1][2]
                        + strs[0]
                        + list
                        + n2
                        + (nothing == null));
    }

    @BothModes
    void referencesArraysAndNull(Mode mode) {
        assertEquals("snull[1, 12]5a[x]nulltrue", Drive.value(mode, LocalsTest::references));
    }

    /** A slot holding only null at the suspension (the analyzer's null type) must be saved too. */
    static Future<Integer> onlyNull() {
        String s = null;
        int[] a = null;
        Integer k = await(Leaf.of(3));
        if (s == null && a == null) {
            s = "abc";
        }
        return Future.ready(s.length() + k);
    }

    @BothModes
    void localThatIsAlwaysNull(Mode mode) {
        assertEquals(6, Drive.value(mode, LocalsTest::onlyNull));
    }

    /** Parameters of every width, and {@code this}, live across several awaits. */
    final String name = "obj";

    Future<String> instance(int i, long l, double d, Object o, boolean z) {
        int a = await(Leaf.of(1));
        long b = await(Leaf.of(2L));
        return Future.ready(name + (i + a) + (l + b) + d + o + z);
    }

    @BothModes
    void parametersAndThis(Mode mode) {
        assertEquals(
                "obj2124.5ktrue",
                Drive.value(mode, () -> new LocalsTest().instance(1, 10L, 4.5, "k", true)));
    }

    /** The same slot reused with different types in sibling blocks, each live across an await. */
    static Future<String> slotReuse() {
        StringBuilder out = new StringBuilder();
        {
            int a = 1;
            a += await(Leaf.of(1));
            out.append(a);
        }
        {
            String s = "x";
            s += await(Leaf.of("y"));
            out.append(s);
        }
        {
            double d = 0.5;
            d += await(Leaf.of(1.0));
            out.append(d);
        }
        {
            long l = 7;
            Object o = await(Leaf.of("o"));
            out.append(l).append(o);
        }
        {
            int[] arr = {await(Leaf.of(9))};
            out.append(arr[0]);
        }
        return Future.ready(out.toString());
    }

    @BothModes
    void sameSlotDifferentTypes(Mode mode) {
        assertEquals("2xy1.57o9", Drive.value(mode, LocalsTest::slotReuse));
    }

    abstract static class Animal {
        abstract String sound();
    }

    static final class Dog extends Animal {
        @Override
        String sound() {
            return "woof";
        }
    }

    static final class Cat extends Animal {
        @Override
        String sound() {
            return "meow";
        }
    }

    /** Locals whose type is a merge at a branch point (common superclass, interface, null). */
    static Future<String> merged(boolean dog) {
        Animal a = dog ? new Dog() : new Cat();
        CharSequence cs = dog ? new StringBuilder("sb") : "str";
        Comparable<?> cmp = dog ? Integer.valueOf(1) : "c";
        Object maybe = dog ? null : new int[] {4};
        Object arr = dog ? new String[] {"s"} : new Integer[] {5};
        String mid = await(Leaf.of("-"));
        return Future.ready(
                a.sound()
                        + mid
                        + cs.length()
                        + mid
                        + cmp
                        + mid
                        + (maybe == null ? "none" : ((int[]) maybe)[0])
                        + mid
                        + ((Object[]) arr)[0]);
    }

    @BothModes
    void typesMergedAtBranchPoints(Mode mode) {
        assertEquals("woof-2-1-none-s", Drive.value(mode, () -> merged(true)));
        assertEquals("meow-3-c-4-5", Drive.value(mode, () -> merged(false)));
    }
}
