package dev.weft.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A task was spawned; its stack trace (when recorded) is the spawn site. */
@Name("dev.weft.TaskSpawn")
@Label("Task Spawn")
@Category({"weft", "Tasks"})
@Description("A weft task was spawned; the stack trace is where")
@Enabled(false)
@StackTrace(true)
final class TaskSpawnEvent extends jdk.jfr.Event {
    @Label("Task Id")
    @Description("Identity hash of the task, the same in its TaskEnd and SlowPoll events")
    int taskId;

    @Label("Future")
    @Description("Class of the spawned future")
    String future;
}
