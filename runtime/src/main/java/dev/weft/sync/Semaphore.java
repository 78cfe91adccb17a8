package dev.weft.sync;

import dev.weft.Future;

/**
 * A counting semaphore for tasks: {@link #acquire} waits for a permit without blocking a thread.
 * Waiters are served in FIFO order, and neither {@link #tryAcquire} nor a new acquire overtakes
 * a waiter. Permits are not owned: any task may {@link #release} (as java.util.concurrent's).
 *
 * <p><b>Cancellation safety.</b> A cancelled {@code acquire} never leaks a permit: cancelled
 * while waiting, it just leaves the queue; cancelled after a permit was granted to it but before
 * the poll that would return ready (the race between {@code release} and a timeout or a race
 * loser), it passes that permit on to the next waiter. Once its poll returned ready, the caller
 * holds the permit and must release it. So {@code Async.timeout(d, sem.acquire())} and
 * {@code Futures.race} are safe.
 *
 * <pre>{@code
 * Semaphore connections = new Semaphore(10);      // at most 10 requests in flight
 *
 * static Future<String> limited(Semaphore s, URI uri) {
 *     await(s.acquire());
 *     try {
 *         return Future.ready(await(fetch(uri)));
 *     } finally {
 *         s.release();
 *     }
 * }
 * }</pre>
 */
public final class Semaphore {

    private final Permits permits;

    /**
     * A semaphore with {@code permits} free permits.
     *
     * @param permits the initial number of free permits
     * @throws IllegalArgumentException when negative
     */
    public Semaphore(int permits) {
        this.permits = new Permits(permits);
    }

    /**
     * A future that is ready once it holds one permit, which the caller then must {@link #release}.
     *
     * @return a future completing with one permit taken
     */
    public Future<Void> acquire() {
        return new Permits.Acquire<Void>(permits) {
            @Override
            Void acquired() {
                return null;
            }
        };
    }

    /**
     * Takes a permit now if one is free (never when a waiter is queued, since then none is).
     *
     * @return whether a permit was taken
     */
    public boolean tryAcquire() {
        return permits.tryAcquire();
    }

    /** Returns one permit: to the oldest waiter if any, else to the free count. */
    public void release() {
        permits.release();
    }

    /**
     * The number of free permits at this moment (for monitoring and tests).
     *
     * @return the free permits
     */
    public int availablePermits() {
        return permits.available();
    }
}
