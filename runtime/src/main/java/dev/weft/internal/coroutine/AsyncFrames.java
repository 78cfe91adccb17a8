package dev.weft.internal.coroutine;

/**
 * Keeps every awaiting method in the stack trace of a failure that climbs a suspended chain.
 *
 * <p>When a chain resumed by nested polls failed, the exception's trace named every level, each
 * at its await's line, because every level was on the stack. The loop of {@code Coroutine.poll}
 * resumes the innermost level with no parent on the stack, so a failure's trace would end at
 * that level. Each parent's await line is on the stack later, while the parent's body takes the
 * failure from its await; {@link #addAwaiter} then splices the frames of that moment (from the
 * done coroutine's poll down to the awaiter's resume) into the failure's trace, above the frames of the
 * loop's own poll and its callers, which rebuilds the trace nested polls gave. Kotlin's stack-trace recovery does the same with a copy of
 * the exception; weft must keep the original object, so it edits its trace (a no-op for
 * exceptions created without a writable trace).
 *
 * <p>A failure from another task (awaited through its JoinHandle) was thrown on that task's
 * stack; the same splice then goes into the {@link AsyncStackTrace} the crossing added.
 *
 * <p>Only on the failure path, and for at most {@link #MAX_LEVELS} levels per poll, as the JVM
 * caps a trace at 1,024 frames by default.
 */
final class AsyncFrames {

    /** Levels of one poll whose frames are added; above it a failure's trace stays as it is. */
    static final int MAX_LEVELS = 256;

    /**
     * No frames are added to a trace this long (HotSpot's default MaxJavaStackTraceDepth), so an
     * exception object thrown again and again (a preallocated one) cannot grow without bound.
     */
    private static final int MAX_FRAMES = 1024;

    private AsyncFrames() {}

    /**
     * Called by a completed coroutine's poll while it rethrows {@code failure} into the body of
     * the coroutine awaiting it: adds that body's frames to the trace.
     */
    static void addAwaiter(Throwable thrown) {
        // once the failure crossed a task boundary, its own trace is the other task's stack: the
        // awaiter's levels belong in the awaiting side that the crossing added (AsyncStackTrace)
        Throwable failure = AsyncStackTrace.awaiterSide(thrown);
        StackTraceElement[] had = failure.getStackTrace();
        if (had.length >= MAX_FRAMES) {
            return;
        }
        StackTraceElement[] now = new Throwable().getStackTrace();
        // now: addAwaiter, outcome, outcomeValue, the done coroutine's poll (the static one the
        // awaiter's await calls), the awaiter's body ...,
        // then the loop's poll and everything below it
        int from = 0;
        while (from < now.length && !isCoroutine(now[from], "poll")) {
            from++;
        }
        int to = from + 1;
        while (to < now.length && !isCoroutine(now[to], "poll")) {
            to++;
        }
        int below = now.length - to;
        if (below <= 0 || below > had.length || !isCoroutine(had[had.length - below], "poll")) {
            return;
        }
        for (int i = 1; i < below; i++) { // the loop's own frame may stand at another line
            if (!had[had.length - i].equals(now[now.length - i])) {
                return; // thrown on another stack (another thread, an earlier poll): nothing to
                // splice
            }
        }
        int own = had.length - below;
        int added = to - from;
        StackTraceElement[] merged = new StackTraceElement[had.length + added];
        System.arraycopy(had, 0, merged, 0, own);
        System.arraycopy(now, from, merged, own, added);
        System.arraycopy(had, own, merged, own + added, below);
        failure.setStackTrace(merged);
    }

    private static boolean isCoroutine(StackTraceElement e, String method) {
        return e.getClassName().equals(Coroutine.class.getName())
                && e.getMethodName().equals(method);
    }
}
