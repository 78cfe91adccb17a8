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

    /**
     * Join in place: {@code task} is awaited through its JoinHandle by the task polled with
     * {@code awaiter}. If this thread holds {@code task}'s SCHEDULED bit in a place only it can
     * reach (a child spawned during the current poll and not yet handed to a run queue), the
     * scheduler may take it from there and {@link Task#run run} it now, on this stack; returns
     * whether it did. The task is then polled like any dequeued task (the state word decides),
     * so a task that suspends is an ordinary idle task afterwards.
     */
    default boolean runInline(Task<?> task, dev.weft.Context awaiter) {
        return false;
    }

    /**
     * Called by {@link Task#run} right after a poll returned (any outcome), before the task can
     * complete or be re-queued: the children it spawned and kept back (see {@link #runInline})
     * go to the run queues now.
     */
    default void pollEnded() {}

    /**
     * Lists {@code task}, spawned unlisted and kept back for {@link #runInline}, in the live
     * tasks that {@code close()} cancels, or cancels it when the runtime is closed already.
     * Called by {@link Task#run} before a poll of an unlisted task ends pending (the task is
     * RUNNING, so it cannot complete meanwhile), and by the scheduler before it queues one.
     */
    default void adopt(Task<?> task) {}

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
