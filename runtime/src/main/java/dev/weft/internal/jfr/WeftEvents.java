package dev.weft.internal.jfr;

import dev.weft.internal.task.Task;

/**
 * The runtime's one door to its JFR events; safe to call when the {@code jdk.jfr} module is
 * absent (every method is then a no-op that loads no event class). See the package notes.
 */
public final class WeftEvents {

    /** Whether {@code jdk.jfr} is there. */
    private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.jfr").isPresent();

    /**
     * True once Flight Recorder is initialized in this JVM (a recording was started, by
     * {@code -XX:StartFlightRecording}, jcmd or a RecordingStream). Until then no event class is
     * loaded: the JVM's first event class pulls in JFR itself, measured at ~400 classes and
     * 170 ms on JDK 25, which every program without a recording would pay at its first spawn.
     * Set by the listener {@link RecorderWatch} registers (called at once if JFR is already up).
     */
    static volatile boolean recorderUp;

    static {
        if (AVAILABLE) {
            RecorderWatch.register();
        }
    }

    private WeftEvents() {}

    /** {@code task} was spawned (on the calling thread, whose stack is the spawn site). */
    public static void taskSpawned(Task<?> task) {
        if (recorderUp) {
            Emit.taskSpawned(task);
        }
    }

    /** {@code task} left the runtime: completed, failed or cancelled. */
    public static void taskEnded(Task<?> task) {
        if (recorderUp) {
            Emit.taskEnded(task);
        }
    }

    /** A worker starts waiting for work; pass the result to {@link #parkEnded} (null: not recorded). */
    public static Object parkStarted() {
        return recorderUp ? Emit.parkStarted() : null;
    }

    /** The wait that {@link #parkStarted} began is over. */
    public static void parkEnded(Object started) {
        if (started != null) {
            Emit.parkEnded(started);
        }
    }

    /** The watchdog found a poll of {@code task} running on {@code worker} for {@code nanos} so far. */
    public static void slowPoll(
            Task<?> task, String spawnSite, String blockingFrame, String worker, long nanos) {
        if (recorderUp) {
            Emit.slowPoll(task, spawnSite, blockingFrame, worker, nanos);
        }
    }
}
