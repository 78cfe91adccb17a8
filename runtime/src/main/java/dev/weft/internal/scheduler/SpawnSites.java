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
 * runtime's spawn pays one null check. {@code -Dweft.spawnSites=true} records them (and each
 * task's spawn time) for every runtime created while it is set, so that task dumps and async
 * stack traces show where and when each task was spawned.
 *
 * <p>A spawn records only the stack's raw backtrace (an exception that is never thrown); frames
 * become names when a site is asked for, which is rare (a leaked task). Resolving at spawn time
 * with a StackWalker cost several times as much (measured at a 12-frame stack on a loaded 2-core
 * machine: ~8-15 us against ~1.5-3 us), and a test may spawn many thousands of tasks.
 *
 * <p>Kept beside the tasks, not in them: a task stays at 48 bytes (see internal.task). An entry
 * is added by the spawner before the task is scheduled and removed when the task leaves the
 * runtime's live-task list.
 */
final class SpawnSites {

    /** The spawning stack; never thrown, no message, no suppression list. */
    private static final class SpawnedAt extends Throwable {
        private static final long serialVersionUID = 1L;

        /** System.nanoTime() at the spawn: the task's age in a dump. */
        final long nanos = System.nanoTime();

        SpawnedAt() {
            super(null, null, false, true);
        }
    }

    /** The runtime's own classes: a frame is weft's when its class comes from here and is in a dev.weft package. */
    private static final CodeSource RUNTIME =
            SpawnSites.class.getProtectionDomain().getCodeSource();

    private final Map<Task<?>, SpawnedAt> sites = new ConcurrentHashMap<>();

    void record(Task<?> task) {
        sites.put(task, new SpawnedAt());
    }

    void forget(Task<?> task) {
        sites.remove(task);
    }

    /** Nanoseconds since {@code task} was spawned, or -1 when it was spawned before recording began. */
    long ageNanos(Task<?> task) {
        SpawnedAt at = sites.get(task);
        return at == null ? -1 : System.nanoTime() - at.nanos;
    }

    /** The recorded site, or null when the task was spawned before recording began. */
    String of(Task<?> task) {
        SpawnedAt at = sites.get(task);
        if (at == null) {
            return null;
        }
        for (StackTraceElement e : at.getStackTrace()) {
            if (!isRuntime(e.getClassName())) {
                return e.getClassName()
                        + "."
                        + e.getMethodName()
                        + "("
                        + (e.getFileName() == null
                                ? "Unknown Source"
                                : e.getFileName() + ":" + e.getLineNumber())
                        + ")";
            }
        }
        return "(unknown: only weft frames on the stack)";
    }

    /**
     * True for a class of weft's runtime. By name first; then the class as the runtime's own loader
     * sees it (not initialized) must come from the runtime's code source, so that a user's or a
     * test's class in a dev.weft package still counts as the caller.
     */
    private static boolean isRuntime(String className) {
        if (!className.startsWith("dev.weft.")) {
            return false;
        }
        try {
            Class<?> c = Class.forName(className, false, SpawnSites.class.getClassLoader());
            return Objects.equals(c.getProtectionDomain().getCodeSource(), RUNTIME);
        } catch (ClassNotFoundException | LinkageError notOurs) {
            return false;
        }
    }
}
