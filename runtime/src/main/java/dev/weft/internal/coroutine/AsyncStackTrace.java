package dev.weft.internal.coroutine;

import java.util.concurrent.CancellationException;

/**
 * The awaiting side of a failure that crossed a task boundary (issue 16, point 4): a spawned
 * task failed and someone awaited its JoinHandle (directly, through {@code Futures.all} or
 * {@code race}, or a scope joining its children). The failure's own trace shows only the child's
 * frames, because the child ran on its own stack; this suppressed exception carries the other
 * half, the awaiter's frames at the moment the failure reached it, and in its message the task's
 * spawn site when the runtime records spawn sites ({@code -Dweft.spawnSites=true} when it is
 * created, or a test tool such as WeftExtension).
 *
 * <p>kotlinx's stack-trace recovery copies the exception and appends the awaiter's frames to the
 * copy; weft rethrows the original object (its type, identity and own trace unchanged), so the
 * awaiting side goes into its suppressed list instead, which every printed trace shows:
 * <pre>
 * java.lang.IllegalStateException: boom
 *     at app.Child.work(Child.java:12)           (the child's own frames)
 *     ...
 *     Suppressed: dev.weft.internal.coroutine.AsyncStackTrace: the failure of a task spawned at
 *         app.Parent.run(Parent.java:30) reached its awaiter here
 *         at dev.weft.internal.coroutine.AsyncStackTrace.crossed(AsyncStackTrace.java:80)
 *         at dev.weft.internal.task.Task.poll(Task.java:250)   (the JoinHandle the awaiter polled)
 *         at dev.weft.internal.coroutine.Await.step(Await.java:40)
 *         at app.Parent.middle(Parent.java:22)   (the awaiter's chain, each level at its await)
 *         at app.Parent.run(Parent.java:31)
 * </pre>
 * As the failure then climbs the awaiter's own suspended chain, {@code AsyncFrames} splices each
 * level's frames into the latest of these (the levels are not on the stack when the chain
 * resumes in a loop), exactly as it does into the trace of a failure thrown inside the task.
 *
 * <p>Bounds: one per boundary (a task's failure awaited twice, or polled again, adds nothing
 * more) and at most {@link #MAX_PER_FAILURE} per failure object, so an exception that crosses
 * many boundaries, or one preallocated object thrown by many tasks, cannot grow without bound.
 *
 * <p>Cost and switch (docs/benchmarks.md, "Async stack traces", {@code TraceBench}): only the
 * failure path pays, one raw stack capture per boundary crossed (+784 B, and about +0.7 us on a
 * failing spawn + await round-trip of 0.9 us on the quietest iterations of a loaded 2-core
 * machine); frames are resolved only when printed. A task that completes normally pays nothing
 * (same 166 B per round-trip, no added code on that path). So it is on by default;
 * {@code -Dweft.asyncStackTraces=false} switches it off.
 */
public final class AsyncStackTrace extends Throwable {

    private static final long serialVersionUID = 1L;

    /** The system property that switches the feature; read once, when the first task fails. */
    public static final String PROPERTY = "weft.asyncStackTraces";

    /** Whether failures crossing a task boundary get the awaiting side; see the class comment. */
    public static final boolean ENABLED = !"false".equalsIgnoreCase(System.getProperty(PROPERTY));

    /** At most this many per failure object: the first boundaries it crossed are the useful ones. */
    static final int MAX_PER_FAILURE = 8;

    /** The task whose failure crossed here: one trace per boundary. Never serialized. */
    private final transient Object boundary;

    /** {@code Class.method(File.java:line)} of the spawn, or null when not recorded. */
    private final String spawnSite;

    private AsyncStackTrace(String spawnSite, Object boundary) {
        super(null, null, false, true);
        this.spawnSite = spawnSite;
        this.boundary = boundary;
    }

    /** Built when asked (printed), not when the failure crosses. */
    @Override
    public String getMessage() {
        return "the failure of a task "
                + (spawnSite != null ? "spawned at " + spawnSite : "(spawn site not recorded)")
                + " reached its awaiter here";
    }

    /**
     * Called on the awaiter's thread as the failure of {@code task} leaves its JoinHandle's poll:
     * adds the awaiter's frames to {@code failure}, once per task.
     *
     * @param spawnSite {@code Class.method(File.java:line)} of the spawn, or null when not recorded
     */
    public static void crossed(Throwable failure, Object task, String spawnSite) {
        if (!ENABLED
                || failure instanceof VirtualMachineError
                || failure instanceof CancellationException) {
            return; // out of memory or stack: do not allocate; a cancellation is not a failure to
            // trace
        }
        int had = 0;
        for (Throwable s : failure.getSuppressed()) {
            if (s instanceof AsyncStackTrace) {
                if (((AsyncStackTrace) s).boundary == task || ++had >= MAX_PER_FAILURE) {
                    return;
                }
            }
        }
        // the raw backtrace only (frames become StackTraceElements when someone prints them);
        // its top two frames are this method and the handle's poll
        failure.addSuppressed(new AsyncStackTrace(spawnSite, task));
    }

    /**
     * The trace that the frames of the awaiter's suspended chain belong in: the latest
     * AsyncStackTrace of {@code failure} once it crossed a boundary, else {@code failure} itself.
     */
    static Throwable awaiterSide(Throwable failure) {
        if (ENABLED) {
            Throwable[] s = failure.getSuppressed();
            for (int i = s.length - 1; i >= 0; i--) {
                if (s[i] instanceof AsyncStackTrace) {
                    return s[i];
                }
            }
        }
        return failure;
    }
}
