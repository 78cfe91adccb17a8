package dev.weft.agent.samples;

import static dev.weft.Async.await;

import dev.weft.Future;
import dev.weft.testkit.Leaf;

/** Locals of every type, and values of every width on the operand stack below an await. */
public final class Locals {

    private Locals() {}

    public static Future<String> everyType(int seed) {
        boolean z = seed > 0;
        byte b = (byte) (seed + 1);
        char c = (char) ('a' + seed);
        short s = (short) (seed * 300);
        int i = seed * 7;
        long l = seed * 10_000_000_000L;
        float f = seed * 1.5f;
        double d = seed * 2.25;
        String str = "s" + seed;
        int[] arr = {seed, seed + 1};
        Object nothing = null;
        int x = await(Leaf.of(1));
        long y = await(Leaf.of(2L));
        String mid =
                z + "," + b + "," + c + "," + s + "," + i + "," + l + "," + f + "," + d + "," + str
                        + "," + arr[1] + "," + nothing + "," + x + "," + y;
        i += await(Leaf.of(10));
        l -= await(Leaf.of(1L));
        return Future.ready(mid + "|" + i + "," + l + "," + (d + await(Leaf.of(0.25))));
    }

    public static Future<String> wideStack(long a, double b, int k) {
        long r = a + await(Leaf.of(5L));
        double q = b * await(Leaf.of(2.0));
        // a long, a double, an int and a reference below the await on the operand stack
        String s = concat(a, b, k, "x", await(Leaf.of("y")));
        return Future.ready(r + "," + q + "," + s + "," + (k + (a * await(Leaf.of(3L)))));
    }

    /** Not a coroutine: its bytes, frames included, must come out of weaving unchanged. */
    static int plain(int x) {
        int y = 0;
        for (int i = 0; i < x; i++) {
            y += i % 2 == 0 ? i : -i;
        }
        return y;
    }

    private static String concat(long a, double b, int k, String x, String y) {
        return a + "/" + b + "/" + k + "/" + x + "/" + y;
    }

    public static Future<String> slotReuse(int n) {
        String out;
        {
            int t = n * 2;
            out = "int:" + (t + await(Leaf.of(1)));
        }
        {
            String t = "str" + n;
            out += ",str:" + t + await(Leaf.of("!"));
        }
        Object merged = n > 0 ? (Object) "positive" : Integer.valueOf(n);
        out += "," + merged + await(Leaf.of(""));
        return Future.ready(out);
    }

    public static Future<String> nested(int v) {
        int r = await(plusOne(await(plusOne(await(Leaf.of(v))))));
        String s = await(Leaf.of("abc")).toUpperCase();
        String t = v > 1 ? await(Leaf.of("big")) : await(Leaf.of("small"));
        return Future.ready(r + s + t);
    }

    public static Future<Integer> plusOne(int v) {
        int w = await(Leaf.of(v));
        return Future.ready(w + 1);
    }

    public static Future<Integer> fib(int n) {
        if (n < 2) {
            return Future.ready(await(Leaf.of(n)));
        }
        return Future.ready(await(fib(n - 1)) + await(fib(n - 2)));
    }

    public static Future<Long> loop(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += await(Leaf.of(i));
        }
        return Future.ready(sum);
    }

    public static Future<Integer> tail(int v) {
        await(Leaf.of(0));
        return plusOne(v); // awaited in tail position by the coroutine
    }

    public static Future<Integer> arrays(int n) {
        int[] a = new int[await(Leaf.of(n))];
        a[await(Leaf.of(1))] = await(Leaf.of(42));
        String[][] m = new String[await(Leaf.of(2))][await(Leaf.of(3))];
        m[1][2] = await(Leaf.of("z"));
        return Future.ready(a.length + a[1] + m[1][2].length());
    }
}
