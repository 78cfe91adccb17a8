package dev.weft;

/**
 * Test kit: a multi-threaded runtime whose reactor is driven by a dedicated thread or by idle
 * workers, whatever {@code -Dweft.driver} says, through the builder's package-private option
 * (so tests in any package, run in any order or in parallel, never touch the system property).
 */
public final class DriverModes {

    private DriverModes() {}

    public static AsyncRuntime multi(int workers, String prefix, boolean workersDrive) {
        return AsyncRuntime.builder()
                .workers(workers)
                .threadNamePrefix(prefix)
                .workersDrive(workersDrive)
                .build();
    }
}
