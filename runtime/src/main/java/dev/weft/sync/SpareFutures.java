package dev.weft.sync;

import dev.weft.Waker;
import dev.weft.internal.context.WorkerThread;

/**
 * Per worker thread: the last channel send and receive future that a task completed, kept for
 * that same task's next {@link Channel#send} or {@link Channel#receive} (of any channel), so a
 * task that sends or receives in a loop allocates one future of each kind, not one per message
 * (issue 18 point 6: the two futures were 80 of the 94 bytes per message).
 *
 * <p>Invariants:
 * <ol>
 *   <li>A future is kept only by the poll that completed it ready, on the worker polling the task
 *       whose waker that poll was given (its {@code owner}); it is handed out again only while the
 *       same worker polls the same task again. So it never crosses tasks, and a kept receive,
 *       which is its own ready poll, is re-armed only after the task that got that poll went on
 *       (in program order) to ask for another receive: by then it has read the value.
 *   <li>Only the owner thread touches its spares (a {@link ThreadLocal}): no lock, no race.
 *   <li>Off a worker (a plain thread, {@code blockOn}, a hand-driven poll) nothing is kept, and
 *       every send and receive is a new future, as before.
 * </ol>
 *
 * <p>The price: a completed send or receive future may come back as the same task's next one.
 * Polling a completed future is an error anyway; cancelling one is a no-op until that task asks
 * the channel for its next future of the same kind, after which it would cancel that one. Code
 * that awaits or races its futures and drops them once complete, as woven code does, never
 * sees the difference. A kept receive holds its value until the owner's next receive; a kept
 * future holds its owner (the task) until it is handed out or replaced.
 */
final class SpareFutures {

    private static final ThreadLocal<SpareFutures> OF_THREAD =
            ThreadLocal.withInitial(SpareFutures::new);

    /** A completed send, its {@code waker} field naming the task that completed it; or null. */
    Channel.Send<?> send;

    /** A completed receive, likewise; or null. */
    Channel.Receive<?> receive;

    private SpareFutures() {}

    /** The kept send of the task this worker polls, taken (unkept); null if none. */
    @SuppressWarnings("unchecked")
    static <T> Channel.Send<T> takeSend() {
        if (Thread.currentThread() instanceof WorkerThread c) {
            SpareFutures spares = OF_THREAD.get();
            Channel.Send<?> s = spares.send;
            if (s != null && c.isPolling(s.waker)) {
                spares.send = null;
                return (Channel.Send<T>) s;
            }
        }
        return null;
    }

    /** The kept receive of the task this worker polls, taken (unkept); null if none. */
    @SuppressWarnings("unchecked")
    static <T> Channel.Receive<T> takeReceive() {
        if (Thread.currentThread() instanceof WorkerThread c) {
            SpareFutures spares = OF_THREAD.get();
            Channel.Receive<?> r = spares.receive;
            if (r != null && c.isPolling(r.waker)) {
                spares.receive = null;
                return (Channel.Receive<T>) r;
            }
        }
        return null;
    }

    /**
     * From the poll that completed {@code s} ready with {@code owner}'s waker: keeps it for the
     * owner's next send when this worker is polling that task (invariant 1), else drops it.
     */
    static void keepSend(Channel.Send<?> s, Waker owner) {
        if (Thread.currentThread() instanceof WorkerThread c && c.isPolling(owner)) {
            s.waker = owner; // DONE: the field names the owner now (see Channel.Send)
            OF_THREAD.get().send = s;
        }
    }

    /** As {@link #keepSend}, for a receive. */
    static void keepReceive(Channel.Receive<?> r, Waker owner) {
        if (Thread.currentThread() instanceof WorkerThread c && c.isPolling(owner)) {
            r.waker = owner;
            OF_THREAD.get().receive = r;
        }
    }
}
