package dev.weft.internal.scheduler;

import dev.weft.TaskDump;
import dev.weft.TaskSnapshot;
import dev.weft.internal.dump.AwaitChain;
import dev.weft.internal.dump.DumpFormat;
import dev.weft.internal.task.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@code AsyncRuntime.dumpTasks()} from a scheduler's live-task list. Internal use only.
 *
 * <p>Costs nothing until called: it reads the task list (each stripe's lock held only to copy its
 * links), then each task's state word and the fields of the futures it awaits, racing with the
 * workers that poll them, which is acceptable for a diagnostic and never blocks them.
 */
public final class TaskDumps {

    private TaskDumps() {}

    /** The live tasks of {@code scheduler} (one of weft's), under the runtime name {@code runtime}. */
    public static TaskDump of(Scheduler scheduler, String runtime) {
        AbstractScheduler s = (AbstractScheduler) scheduler;
        List<Task<?>> listed = s.tasks.snapshot();
        List<TaskSnapshot> live = new ArrayList<>(listed.size());
        for (Task<?> t : listed) {
            TaskSnapshot.State state = t.snapshotState();
            Object future = t.spawnedFuture();
            if (state == null || future == null) {
                continue; // completed since the list was copied
            }
            long age = s.ageNanos(t);
            live.add(
                    new TaskSnapshot(
                            DumpFormat.taskId(t) & 0xffff_ffffL,
                            state,
                            s.spawnSite(t),
                            age < 0 ? null : Duration.ofNanos(age),
                            AwaitChain.of(future)));
        }
        return new TaskDump(runtime, live);
    }
}
