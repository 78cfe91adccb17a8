package dev.weft.bench.traces;

import static dev.weft.Async.await;

import dev.weft.Async;
import dev.weft.Future;
import dev.weft.JoinHandle;

/** The round-trips of {@link TraceBench}, woven by the agent in its forks. */
public final class TraceWorkloads {

    private TraceWorkloads() {}

    static Future<Integer> child(int i, boolean fail) {
        await(Async.yieldNow()); // the failure happens after a real suspension, on the task's
        // own stack
        if (fail) {
            throw new IllegalStateException("child " + i);
        }
        return Future.ready(i);
    }

    /** {@code n} spawn + await round-trips, one after another; returns how many failed. */
    static Future<Integer> roundTrips(int n, boolean fail) {
        int failed = 0;
        for (int i = 0; i < n; i++) {
            JoinHandle<Integer> h = Async.spawn(child(i, fail));
            try {
                await(h);
            } catch (IllegalStateException e) {
                failed++;
            }
        }
        return Future.ready(failed);
    }
}
