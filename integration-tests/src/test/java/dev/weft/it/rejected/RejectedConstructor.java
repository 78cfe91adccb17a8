package dev.weft.it.rejected;

import static dev.weft.Async.await;

import dev.weft.Future;
import dev.weft.testkit.Leaf;

/** A constructor that awaits is rejected; the class's methods still work. */
public final class RejectedConstructor {

    public final int value;

    public RejectedConstructor() {
        value = await(Leaf.of(1)); // REJECT <init>
    }

    public RejectedConstructor(int v) {
        value = v;
    }

    public Future<Integer> plus(int x) {
        return Future.ready(value + await(Leaf.of(x)));
    }
}
