package dev.weft;

import dev.weft.internal.io.Reactor;

/**
 * Test hook: a multi-threaded runtime whose reactor is driven by a dedicated thread or by idle
 * workers, whatever {@code -Dweft.driver} says. The property is read once, in the scheduler's
 * constructor, so it is set only around the build (under a lock; JUnit runs classes one at a time).
 */
public final class DriverModes {

    private DriverModes() {}

    public static synchronized AsyncRuntime multi(int workers, String prefix, boolean workersDrive) {
        String before = System.getProperty(Reactor.MODE_PROPERTY);
        System.setProperty(Reactor.MODE_PROPERTY, workersDrive ? "worker" : "thread");
        try {
            return AsyncRuntime.builder().workers(workers).threadNamePrefix(prefix).build();
        } finally {
            if (before == null) {
                System.clearProperty(Reactor.MODE_PROPERTY);
            } else {
                System.setProperty(Reactor.MODE_PROPERTY, before);
            }
        }
    }
}
