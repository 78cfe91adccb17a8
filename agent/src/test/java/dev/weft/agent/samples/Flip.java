package dev.weft.agent.samples;

import static dev.weft.Async.await;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;

/** A leaf that is pending on every other poll and allocates nothing, for allocation counts. */
public final class Flip implements Future<Integer> {

    private static final Poll<Integer> ONE = Poll.ready(1);

    private boolean ready = true;

    /** Suspensions so far. */
    public int pendings;

    @Override
    public Poll<Integer> poll(Context cx) {
        ready = !ready;
        if (!ready) {
            pendings++;
            cx.waker().wake();
            return Poll.pending();
        }
        return ONE;
    }

    public static Future<Long> loop(Flip leaf, int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += await(leaf);
        }
        return Future.ready(sum);
    }
}
