package dev.weft.it.rejected;

import static dev.weft.Async.await;

import dev.weft.testkit.Leaf;

/** Loaded only reflectively, after the test captured System.err, to see the load-time log line. */
public final class RejectedLogged {

    private RejectedLogged() {}

    public static long logged() {
        return await(Leaf.of(1L)); // REJECT logged
    }
}
