package dev.weft;

import java.util.List;

/**
 * Test hook: the threads of a runtime (workers, and a dedicated reactor thread if any), for tests
 * in other packages that must wait for a closed runtime's threads to end. close() joins them with
 * a bound (a worker may be stuck in a user's poll), which a loaded machine can outlast; what a
 * test asserts about a closed runtime holds once its threads have ended.
 */
public final class RuntimeThreads {

    /** A hang guard per thread, not a timing. */
    public static final long JOIN_MILLIS = 30_000;

    private RuntimeThreads() {}

    public static List<Thread> of(AsyncRuntime rt) {
        return rt.threads();
    }

    /** Joins every thread of {@code rt} but the caller's own, each for up to {@link #JOIN_MILLIS}. */
    public static void join(AsyncRuntime rt) throws InterruptedException {
        for (Thread t : rt.threads()) {
            if (t != Thread.currentThread()) {
                t.join(JOIN_MILLIS);
            }
        }
    }
}
