package dev.weft;

/**
 * Tells the executor that a pending future can make progress; the executor then re-polls the
 * task that owns it.
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
