package dev.weft.sync;

import dev.weft.Context;
import dev.weft.Poll;
import dev.weft.Waker;

/**
 * The FIFO permit queue behind {@link Semaphore} and {@link Mutex}: a count of free permits and
 * the waiters, guarded by one lock. Invariant, whenever the lock is free: permits are free ⇒
 * nobody waits, because {@link #release} hands a permit to the oldest waiter before it counts
 * one as free. So a newcomer never overtakes a waiter, and {@link #tryAcquire} is FIFO-fair too.
 */
final class Permits {

    /** Guards {@link #free}, the queue and every waiter's state and waker. */
    private final Object lock = new Object();

    private final WaiterQueue<Acquire<?>> waiters = new WaiterQueue<>();

    /** Permits nobody holds and nobody was granted. */
    private int free;

    Permits(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must not be negative: " + permits);
        }
        this.free = permits;
    }

    boolean tryAcquire() {
        synchronized (lock) {
            if (free > 0) {
                free--;
                return true;
            }
            return false;
        }
    }

    void release() {
        Waker w;
        synchronized (lock) {
            w = releaseLocked();
        }
        Waiter.wake(w);
    }

    int available() {
        synchronized (lock) {
            return free;
        }
    }

    /** Grants the permit to the oldest waiter, or counts it free; returns the waker to wake. */
    private Waker releaseLocked() {
        Acquire<?> a = waiters.poll();
        if (a != null) {
            a.state = Waiter.GRANTED;
            return a.takeWaker();
        }
        if (free == Integer.MAX_VALUE) {
            throw new IllegalStateException("permit count overflow");
        }
        free++;
        return null;
    }

    /**
     * The future of one acquisition, its own waiter node; ready with {@link #acquired()} once it
     * holds a permit.
     */
    abstract static class Acquire<V> extends WaitingFuture<V>
            implements dev.weft.internal.dump.Awaited {

        private final Permits permits;

        /** For task dumps: the primitive this acquisition waits on (the anonymous subclass's enclosing class). */
        @Override
        public String describeAwait() {
            Class<?> owner = getClass().getEnclosingClass();
            return (owner == Mutex.class ? "Mutex.lock()" : "Semaphore.acquire()")
                    + " waiting for a permit";
        }

        Acquire(Permits permits) {
            this.permits = permits;
        }

        /** The value of the ready poll, made once the permit is held (outside the lock). */
        abstract V acquired();

        @Override
        public final Poll<V> poll(Context cx) {
            return pollWaiting(permits.lock, cx);
        }

        /**
         * Gives up waiting. A permit granted to this waiter but not yet taken by a poll passes to
         * the next waiter (or back to the free count), so cancellation racing a grant leaks nothing.
         */
        @Override
        public final void cancel() {
            cancelWaiting(permits.lock);
        }

        @Override
        final Waker complete(int s, Context cx) {
            if (s == IDLE) {
                if (permits.free == 0) {
                    waitIn(permits.waiters, cx);
                } else {
                    permits.free--;
                }
            }
            return null; // GRANTED: the permit is already this node's
        }

        @Override
        final WaiterQueue<?> queue() {
            return permits.waiters;
        }

        @Override
        final Waker passOn() {
            return permits.releaseLocked();
        }

        @Override
        final Poll<V> ready(Context cx) {
            return Poll.ready(acquired());
        }

        @Override
        final String operation() {
            return "acquire";
        }
    }
}
