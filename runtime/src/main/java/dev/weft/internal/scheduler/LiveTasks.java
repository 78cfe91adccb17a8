package dev.weft.internal.scheduler;

import dev.weft.AsyncRuntime;
import dev.weft.internal.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Test tools' view of a runtime's live tasks (weft-junit's leak check). Internal use only: not
 * part of the API, may change with the runtime.
 *
 * <p>{@code AsyncRuntime} hands its scheduler to this class through {@link #bind}, from its
 * static initializer, so the scheduler stays out of the public API.
 */
public final class LiveTasks {

    /** One task still running: what it runs, and where it was spawned (null if not recorded). */
    public record LiveTask(String future, String spawnSite) {
        @Override
        public String toString() {
            return future + (spawnSite == null ? "" : " spawned at " + spawnSite);
        }
    }

    private static volatile Function<AsyncRuntime, Scheduler> schedulers;

    private LiveTasks() {}

    /** Called once by AsyncRuntime's static initializer. */
    public static void bind(Function<AsyncRuntime, Scheduler> schedulerOf) {
        schedulers = Objects.requireNonNull(schedulerOf);
    }

    /**
     * From now on, records where each task of {@code runtime} is spawned. Call it before the
     * runtime is shared with other threads (the flag is a plain field, read on every spawn);
     * tasks spawned before have no site.
     */
    public static void recordSpawnSites(AsyncRuntime runtime) {
        scheduler(runtime).recordSpawnSites();
    }

    /**
     * The tasks of {@code runtime} that are neither complete nor cancelled, oldest stripes first
     * (no particular order otherwise). A snapshot: a task completing on a worker meanwhile may or
     * may not be in it.
     */
    public static List<LiveTask> of(AsyncRuntime runtime) {
        AbstractScheduler s = scheduler(runtime);
        List<LiveTask> live = new ArrayList<>();
        for (Task<?> t : s.tasks.snapshot()) {
            // complete: its joiner may already have returned before the task left the list
            // (complete() sets COMPLETE, then releases); cancelled: someone already gave up on it.
            if (!t.isDone() && !t.isCancelled()) {
                live.add(new LiveTask(t.futureName(), s.spawnSite(t)));
            }
        }
        return live;
    }

    private static AbstractScheduler scheduler(AsyncRuntime runtime) {
        Objects.requireNonNull(runtime, "runtime");
        return (AbstractScheduler) schedulers.apply(runtime);
    }
}
