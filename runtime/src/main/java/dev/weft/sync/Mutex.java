package dev.weft.sync;

import dev.weft.Future;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * A mutual-exclusion lock for tasks that may be held across awaits:
 *
 * <pre>{@code
 * try (Mutex.Guard g = await(mutex.lock())) {
 *     balance = balance + await(loadDelta());   // no other task changes balance meanwhile
 * }
 * }</pre>
 *
 * <p>FIFO-fair: tasks get the lock in the order they started waiting; a new {@code lock()}
 * never overtakes a waiter. Not reentrant, and not owned by a thread (a task moves between
 * threads): whoever holds the {@link Guard} unlocks by closing it.
 *
 * <p><b>Cancellation safety.</b> A cancelled {@code lock()} never leaks the lock: cancelled while
 * waiting, it leaves the queue; cancelled after the lock was handed to it but before the poll
 * that would return the guard (a release racing a timeout or a race loser), it hands the lock on
 * to the next waiter, or unlocks. Once its poll returned the guard, the caller must close it. So
 * {@code Async.timeout(d, mutex.lock())} and {@code Futures.race} are safe.
 *
 * <p>Built on the same FIFO permit queue as {@link Semaphore}, with one permit.
 */
public final class Mutex {

    private final Permits permit = new Permits(1);

    /** An unlocked mutex. */
    public Mutex() {}

    /**
     * A future that is ready with a guard once this task holds the lock.
     *
     * @return a future of the guard; close it to unlock
     */
    public Future<Guard> lock() {
        return new Permits.Acquire<Guard>(permit) {
            @Override
            Guard acquired() {
                return new Guard(permit);
            }
        };
    }

    /**
     * The guard now if the lock is free and nobody waits, else null.
     *
     * @return the guard, or null
     */
    public Guard tryLock() {
        return permit.tryAcquire() ? new Guard(permit) : null;
    }

    /**
     * True when some task holds the lock at this moment (for monitoring and tests).
     *
     * @return whether the mutex is locked
     */
    public boolean isLocked() {
        return permit.available() == 0;
    }

    /** Proof of holding the lock; {@link #close()} unlocks, once (later closes do nothing). */
    public static final class Guard implements AutoCloseable {

        private static final AtomicIntegerFieldUpdater<Guard> CLOSED =
                AtomicIntegerFieldUpdater.newUpdater(Guard.class, "closed");

        private final Permits permit;

        /** 0 while holding, 1 once closed; the CAS makes a double close release only once. */
        private volatile int closed;

        private Guard(Permits permit) {
            this.permit = permit;
        }

        /** Unlocks: the lock passes to the oldest waiting task, if any. Idempotent. */
        @Override
        public void close() {
            if (CLOSED.compareAndSet(this, 0, 1)) {
                permit.release();
            }
        }
    }
}
