package dev.weft.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * The watchdog found a task poll running longer than its threshold, while it still ran; emitted
 * by the watchdog thread, so the worker is a field and the JFR stack trace is off.
 */
@Name("dev.weft.SlowPoll")
@Label("Slow Poll")
@Category({"weft", "Tasks"})
@Description("A weft task's poll ran longer than the watchdog's threshold: it blocked its worker")
@StackTrace(false)
final class SlowPollEvent extends jdk.jfr.Event {
    @Label("Task Id")
    int taskId;

    @Label("Spawn Site")
    String spawnSite;

    @Label("Blocking Frame")
    @Description("Innermost non-JDK frame of the worker's stack, sampled during the stall")
    String blockingFrame;

    @Label("Worker")
    String worker;

    @Label("Poll Duration")
    @Description("How long the poll had run when it was sampled (it may have run longer)")
    @Timespan(Timespan.NANOSECONDS)
    long pollDuration;
}
