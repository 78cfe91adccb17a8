package dev.weft.agent.samples;

import static dev.weft.Async.await;

import dev.weft.Future;
import dev.weft.testkit.Leaf;

/** {@code new} around awaits: the uninitialized objects must be moved, not spilled. */
public final class Allocations {

    private Allocations() {}

    static final class Triple {
        final String text;

        Triple(int a, String b, long c) {
            text = a + b + c;
        }

        Triple(Triple inner, double d) {
            text = "(" + inner.text + ")" + d;
        }

        @Override
        public String toString() {
            return text;
        }
    }

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

    /**
     * javac spills the operand stack, the uninitialized {@code new Box} and its DUP included, to
     * locals before a try inside a switch expression: an object under construction in a local
     * across awaits (HotSpot rejected the first woven form with "Bad local variable type").
     */
    public static Future<String> newAroundSwitchWithTry(int k) {
        Box b =
                new Box(
                        switch (k) {
                            case 1 -> {
                                try {
                                    yield await(
                                            Leaf.<String>fail(new IllegalStateException("boom")));
                                } catch (IllegalStateException e) {
                                    yield "caught " + await(Leaf.of(e.getMessage()));
                                }
                            }
                            case 2 -> {
                                try {
                                    yield await(Leaf.of("two"));
                                } finally {
                                    await(Leaf.of(0));
                                }
                            }
                            default -> "d" + await(Leaf.of(k));
                        });
        return Future.ready(b.toString());
    }

    /** Two objects under construction spilled with other values, in a loop (each NEW runs again). */
    public static Future<String> nestedNewAroundSwitchWithTry(int n, long w) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < n; k++) {
            out.append(
                    describe(
                            "p" + w,
                            new Box(
                                    new Box(
                                            switch (k % 3) {
                                                case 0 -> {
                                                    try {
                                                        yield await(
                                                                Leaf.of(
                                                                        "in"
                                                                                .concat(
                                                                                        String
                                                                                                .valueOf(
                                                                                                        k))));
                                                    } catch (RuntimeException e) {
                                                        yield "c";
                                                    }
                                                }
                                                case 1 -> await(Leaf.of("one"));
                                                default -> "d";
                                            })),
                            k));
        }
        return Future.ready(out.toString());
    }

    // javac 17.0.15 itself crashes on such a switch with a long below it on the stack, or with
    // a string concatenation inside its try
    private static String describe(String p, Object box, int k) {
        return p + box + k + ";";
    }

    public static Future<String> constructorArgs(int a) {
        Triple t = new Triple(a, await(Leaf.of("b")), 3L);
        return Future.ready(t.toString());
    }

    public static Future<String> nestedNew(int a) {
        Triple t =
                new Triple(
                        new Triple(a, await(Leaf.of("n")), await(Leaf.of(4L))),
                        await(Leaf.of(0.5)));
        return Future.ready(t.toString() + new StringBuilder(await(Leaf.of("sb"))).append(a));
    }

    public static Future<String> ternaryNew(boolean which) {
        Triple t =
                which
                        ? new Triple(1, await(Leaf.of("left")), 2L)
                        : new Triple(3, await(Leaf.of("right")), 4L);
        return Future.ready(t.toString());
    }
}
