package dev.weft.sync;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.Waker;
import dev.weft.internal.context.Coop;

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
    abstract static class Acquire<V> extends Waiter<V>
            implements Future<V>, dev.weft.internal.dump.Awaited {

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
            if (!Coop.proceed(cx)) { // budget spent: Coop woke the task, nothing changed here
                return Poll.pending();
            }
            synchronized (permits.lock) {
                switch (state) {
                    case WAITING:
                        waker = cx.waker();
                        return Poll.pending();
                    case GRANTED:
                        break;
                    case IDLE:
                        if (permits.free == 0) {
                            waker = cx.waker();
                            permits.waiters.add(this);
                            return Poll.pending();
                        }
                        permits.free--;
                        break;
                    default:
                        throw new IllegalStateException(
                                "acquire polled after it completed or was cancelled");
                }
                state = DONE;
            }
            return Poll.ready(acquired());
        }

        /**
         * Gives up waiting. A permit granted to this waiter but not yet taken by a poll passes to
         * the next waiter (or back to the free count), so cancellation racing a grant leaks nothing.
         */
        @Override
        public final void cancel() {
            Waker w = null;
            synchronized (permits.lock) {
                if (state == WAITING) {
                    permits.waiters.remove(this);
                } else if (state == GRANTED) {
                    w = permits.releaseLocked();
                }
                state = DONE;
            }
            Waiter.wake(w);
        }
    }
}
