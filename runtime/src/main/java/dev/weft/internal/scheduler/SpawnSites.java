package dev.weft.internal.scheduler;

import dev.weft.internal.task.Task;
import java.security.CodeSource;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each live task of one runtime was spawned, as {@code Class.method(File.java:line)} of the
 * spawn call: the first frame of the spawning stack that is not weft's runtime (so a spawn through
 * {@code Async.spawn} names the user's line, not {@code Async.java}). Only a runtime whose
 * creator asked for it has one (a test tool: {@link LiveTasks#recordSpawnSites}); every other
 * runtime's spawn pays one null check.
 *
 * <p>Kept beside the tasks, not in them: a task stays at 48 bytes (see internal.task). An entry
 * is added by the spawner before the task is scheduled and removed when the task leaves the
 * runtime's live-task list.
 */
final class SpawnSites {

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    /** The runtime's own classes: a frame is weft's when its class comes from here and is in a dev.weft package. */
    private static final CodeSource RUNTIME = SpawnSites.class.getProtectionDomain().getCodeSource();

    private final Map<Task<?>, String> sites = new ConcurrentHashMap<>();

    void record(Task<?> task) {
        sites.put(task, capture());
    }

    void forget(Task<?> task) {
        sites.remove(task);
    }

    /** The recorded site, or null when the task was spawned before recording began. */
    String of(Task<?> task) {
        return sites.get(task);
    }

    private static String capture() {
        return WALKER.walk(frames -> frames
                .filter(f -> !isRuntime(f.getDeclaringClass()))
                .findFirst()
                .map(f -> f.getClassName() + "." + f.getMethodName()
                        + "(" + (f.getFileName() == null ? "Unknown Source" : f.getFileName() + ":" + f.getLineNumber()) + ")")
                .orElse("(unknown: only weft frames on the stack)"));
    }

    private static boolean isRuntime(Class<?> c) {
        return c.getName().startsWith("dev.weft.")
                && Objects.equals(c.getProtectionDomain().getCodeSource(), RUNTIME);
    }
}
