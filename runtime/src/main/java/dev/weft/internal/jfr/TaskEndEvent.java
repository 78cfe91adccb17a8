package dev.weft.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A task left its runtime: completed with a value or a failure, or cancelled. */
@Name("dev.weft.TaskEnd")
@Label("Task End")
@Category({"weft", "Tasks"})
@Description("A weft task completed, failed or was cancelled")
@Enabled(false)
@StackTrace(false)
final class TaskEndEvent extends jdk.jfr.Event {
    @Label("Task Id")
    @Description("Identity hash of the task, the same as in its TaskSpawn event")
    int taskId;

    @Label("Cancelled")
    boolean cancelled;
}
