package dev.weft.internal.task;

/**
 * What a {@link Task} needs from the scheduler it belongs to. Tasks know only this interface,
 * so a scheduler can be replaced (the work-stealing one of issue 5) without touching them.
 */
public interface Schedule {

    /**
     * Puts {@code task} on a run queue. Called exactly once per transition to SCHEDULED, from
     * any thread (the waker's, the canceller's, or the poller's after a notified poll).
     */
    void schedule(Task<?> task);

    /** The task completed; forget it (it leaves the set that {@code close()} cancels). */
    void release(Task<?> task);

    /**
     * Where {@code task} was spawned ({@code Class.method(File.java:line)}), or null when this
     * scheduler does not record spawn sites; asked only when a task fails, before its release.
     */
    default String spawnSite(Task<?> task) {
        return null;
    }
}
