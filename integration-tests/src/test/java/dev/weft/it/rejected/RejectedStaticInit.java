package dev.weft.it.rejected;

import static dev.weft.Async.await;

import dev.weft.testkit.Leaf;

/** A static initializer that awaits is rejected: initializing the class fails. */
public final class RejectedStaticInit {

    public static final int VALUE;

    static {
        VALUE = await(Leaf.of(1)); // REJECT <clinit>
    }

    private RejectedStaticInit() {}
}
