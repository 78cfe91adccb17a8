package dev.weft.testkit;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated by the current thread (HotSpot's per-thread counter), for tests that bound
 * allocation per operation: read it before and after, after a warm-up, and compare differences.
 */
public final class AllocationMeter {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocationMeter() {}

    /** Bytes the calling thread has allocated so far. */
    public static long allocated() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
