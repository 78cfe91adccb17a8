package dev.weft.internal.dump;

import dev.weft.Future;

/**
 * A future that can say, for a task dump, what a task suspended on it waits for: a sleep and
 * its deadline, a socket and its address, a channel, a CompletionStage, another task. Leaf
 * futures implement it; nothing calls it outside a dump, so the hot path pays nothing.
 *
 * <p>Called from the dumping thread while the task's own thread may poll the future: read
 * fields racily, never block, never take a lock a poller may hold, never throw.
 */
public interface Awaited {

    /** One line, e.g. {@code Async.sleep(PT5S), fires in 4.871s}. */
    String describeAwait();

    /**
     * The future this one awaits in turn, dumped below it (a timeout's inner future), or null for
     * a leaf.
     */
    default Future<?> awaitedInside() {
        return null;
    }
}
