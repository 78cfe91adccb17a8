package dev.weft.it.discarded;

import static dev.weft.Async.await;

import dev.weft.Future;
import dev.weft.testkit.Leaf;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Woven methods and plain ones, some dropping a future; the woven ones must still work. */
public final class Discarding {

    private static final List<Future<Integer>> KEPT = new ArrayList<>();

    private Discarding() {}

    static Future<Integer> leaf(int v) {
        return Leaf.of(v);
    }

    /** Drops one future, awaits another: the dropped one never runs. */
    public static Future<Integer> dropsOne() {
        leaf(1); // DISCARD
        Future<Integer> never = leaf(2); // DISCARD
        return Future.ready(await(leaf(3)) + 1);
    }

    public static int plain() {
        leaf(4); // DISCARD
        return 4;
    }

    public static Runnable inALambda() {
        return () -> leaf(5); // DISCARD
    }

    static boolean consume(Future<Integer> f) {
        return f != null;
    }

    /** Every use that is not a discard. */
    public static Future<Integer> usesThemAll() {
        Future<Integer> kept = leaf(6);
        KEPT.add(leaf(7));
        Supplier<Future<Integer>> later = () -> leaf(8);
        consume(leaf(9));
        int a = await(kept);
        int b = await(later.get());
        return Future.ready(a + b);
    }
}
