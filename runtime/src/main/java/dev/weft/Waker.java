package dev.weft;

/**
 * Tells the executor that a pending future can make progress; the executor then re-polls the
 * task that owns it. A leaf future keeps the waker of its latest pending poll where the event
 * source finds it:
 *
 * <pre>{@code
 * public Poll<byte[]> poll(Context cx) {
 *     byte[] m = inbox.poll();
 *     if (m != null) return Poll.ready(m);
 *     waiter = cx.waker();                      // the producer calls waiter.wake() after offer
 *     m = inbox.poll();                         // re-check: an offer may have raced the store
 *     return m != null ? Poll.ready(m) : Poll.pending();
 * }
 * }</pre>
 *
 * <p>{@link #wake()} may be called from any thread, any number of times, also after the task
 * completed (then it does nothing). N wakes cause at most one re-poll; a wake that arrives while
 * the task is being polled causes exactly one re-poll afterwards.
 */
@FunctionalInterface
public interface Waker {
    /** Schedules the owning task to be polled again. */
    void wake();
}
