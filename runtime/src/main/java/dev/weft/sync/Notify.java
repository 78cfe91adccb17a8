package dev.weft.sync;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.Waker;
import dev.weft.internal.context.Coop;
import java.util.ArrayList;
import java.util.List;

/**
 * Wakes tasks without passing data, after Tokio's {@code sync::Notify}.
 *
 * <ul>
 *   <li>{@link #notifyOne()} wakes the oldest waiting {@link #notified()} future; when nobody
 *       waits it stores one permit (at most one; more calls do not add up), which the next
 *       {@code notified()} takes at its first poll, ready at once.
 *   <li>{@link #notifyWaiters()} wakes every {@code notified()} future created before the call
 *       that is not yet ready, polled or not (so "create, check the condition, then await" loses
 *       no notification), and stores no permit.
 * </ul>
 *
 * <p><b>Cancellation safety.</b> A {@code notified()} future cancelled after {@code notifyOne}
 * chose it, but before the poll that would return ready, passes that notification on to the next
 * waiter, or stores it as the permit: a notifyOne is never lost to a timeout or a race loser.
 * A notification from {@code notifyWaiters} is not passed on (it was meant for everyone present).
 *
 * <pre>{@code
 * // consumer: create the future before checking, so a notify in between is not lost
 * while (true) {
 *     Future<Void> changed = notify.notified();
 *     if (queue.peek() != null) break;
 *     await(changed);
 * }
 * // producer, on any thread
 * queue.add(item);
 * notify.notifyOne();
 * }</pre>
 */
public final class Notify {

    /** Guards every field and every waiter's state and waker. */
    private final Object lock = new Object();

    private final WaiterQueue<Notified> waiters = new WaiterQueue<>();

    /** The stored notifyOne permit. */
    private boolean permit;

    /**
     * Count of notifyWaiters calls; a future created at generation g is released once this
     * differs. Written under the lock, read by {@link #notified()} without it (volatile).
     */
    private volatile int generation;

    /** A notify with no stored permit. */
    public Notify() {}

    /**
     * A future that is ready once this future is notified (see the class comment).
     *
     * @return a future completing with null when notified
     */
    public Future<Void> notified() {
        return new Notified(generation);
    }

    /** Wakes the oldest waiter, or stores the permit when nobody waits. */
    public void notifyOne() {
        Waker w;
        synchronized (lock) {
            w = notifyOneLocked();
        }
        Waiter.wake(w);
    }

    /** Wakes every waiter present now (and unpolled futures created before this call). */
    public void notifyWaiters() {
        List<Waker> toWake = new ArrayList<>();
        synchronized (lock) {
            generation++;
            for (Notified n = waiters.poll(); n != null; n = waiters.poll()) {
                n.state = Waiter.GRANTED;
                n.byOne = false;
                toWake.add(n.takeWaker());
            }
        }
        for (Waker w : toWake) {
            w.wake();
        }
    }

    private Waker notifyOneLocked() {
        Notified n = waiters.poll();
        if (n == null) {
            permit = true;
            return null;
        }
        n.state = Waiter.GRANTED;
        n.byOne = true;
        return n.takeWaker();
    }

    private final class Notified extends Waiter<Void>
            implements Future<Void>, dev.weft.internal.dump.Awaited {

        @Override
        public String describeAwait() {
            return "Notify.notified() on Notify@"
                    + Integer.toHexString(System.identityHashCode(Notify.this));
        }

        /** {@link #generation} when created. */
        private final int createdAt;

        /** GRANTED by notifyOne (passed on if cancelled) rather than by notifyWaiters. */
        boolean byOne;

        Notified(int createdAt) {
            this.createdAt = createdAt;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            if (!Coop.proceed(cx)) { // budget spent: Coop woke the task, nothing changed here
                return Poll.pending();
            }
            synchronized (lock) {
                switch (state) {
                    case WAITING:
                        waker = cx.waker();
                        return Poll.pending();
                    case GRANTED:
                        break;
                    case IDLE:
                        if (generation != createdAt) {
                            break;
                        }
                        if (permit) {
                            permit = false;
                            break;
                        }
                        waker = cx.waker();
                        waiters.add(this);
                        return Poll.pending();
                    default:
                        throw new IllegalStateException(
                                "notified polled after it completed or was cancelled");
                }
                state = DONE;
            }
            return Poll.ready(null);
        }

        @Override
        public void cancel() {
            Waker w = null;
            synchronized (lock) {
                if (state == WAITING) {
                    waiters.remove(this);
                } else if (state == GRANTED && byOne) {
                    w = notifyOneLocked();
                }
                state = DONE;
            }
            Waiter.wake(w);
        }
    }
}
