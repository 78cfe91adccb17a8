package dev.weft.agent.samples;

import static dev.weft.Async.await;

import dev.weft.Future;
import dev.weft.agent.testkit.Leaf;

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

    public static Future<String> constructorArgs(int a) {
        Triple t = new Triple(a, await(Leaf.of("b")), 3L);
        return Future.ready(t.toString());
    }

    public static Future<String> nestedNew(int a) {
        Triple t = new Triple(new Triple(a, await(Leaf.of("n")), await(Leaf.of(4L))), await(Leaf.of(0.5)));
        return Future.ready(t.toString() + new StringBuilder(await(Leaf.of("sb"))).append(a));
    }

    public static Future<String> ternaryNew(boolean which) {
        Triple t = which ? new Triple(1, await(Leaf.of("left")), 2L) : new Triple(3, await(Leaf.of("right")), 4L);
        return Future.ready(t.toString());
    }
}
