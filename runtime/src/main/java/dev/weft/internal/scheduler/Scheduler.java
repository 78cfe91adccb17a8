package dev.weft.internal.scheduler;

import dev.weft.Future;
import dev.weft.internal.context.RuntimeHandle;
import dev.weft.internal.task.Schedule;

/**
 * An executor behind {@code AsyncRuntime}: runs tasks, drives a future on a caller's thread,
 * shuts down. Tasks only see {@link Schedule}, so an implementation can be swapped without
 * touching them.
 */
public interface Scheduler extends RuntimeHandle, Schedule {

    /** Drives {@code future} to completion on the calling thread, which must not be a runtime thread. */
    <T> T blockOn(Future<T> future);

    /** Cancels the remaining tasks, stops the threads; idempotent, returns promptly. */
    void shutdown();

    /** The threads this scheduler started (tests check none survive shutdown). */
    default java.util.List<Thread> threads() {
        return java.util.List.of();
    }
}
