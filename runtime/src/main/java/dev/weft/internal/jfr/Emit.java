package dev.weft.internal.jfr;

import dev.weft.internal.dump.DumpFormat;
import dev.weft.internal.task.Task;

/** Creates and commits the events; only {@link WeftEvents} calls it, and only when jdk.jfr exists. */
final class Emit {

    private Emit() {}

    static void taskSpawned(Task<?> task) {
        TaskSpawnEvent e = new TaskSpawnEvent();
        if (e.isEnabled()) {
            e.taskId = DumpFormat.taskId(task);
            e.future = task.futureName();
            e.commit();
        }
    }

    static void taskEnded(Task<?> task) {
        TaskEndEvent e = new TaskEndEvent();
        if (e.isEnabled()) {
            e.taskId = DumpFormat.taskId(task);
            e.cancelled = task.isCancelled();
            e.commit();
        }
    }

    static Object parkStarted() {
        WorkerParkEvent e = new WorkerParkEvent();
        if (!e.isEnabled()) {
            return null;
        }
        e.begin();
        return e;
    }

    static void parkEnded(Object started) {
        WorkerParkEvent e = (WorkerParkEvent) started;
        e.end();
        if (e.shouldCommit()) {
            e.commit();
        }
    }

    static void slowPoll(
            Task<?> task, String spawnSite, String blockingFrame, String worker, long nanos) {
        SlowPollEvent e = new SlowPollEvent();
        if (e.isEnabled()) {
            e.taskId = DumpFormat.taskId(task);
            e.spawnSite = spawnSite;
            e.blockingFrame = blockingFrame;
            e.worker = worker;
            e.pollDuration = nanos;
            e.commit();
        }
    }
}
