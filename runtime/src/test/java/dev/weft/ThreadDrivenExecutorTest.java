package dev.weft;

/**
 * The executor contract (and the multi-threaded extras) with a dedicated driver thread
 * ({@code -Dweft.driver=thread}); {@link MultiThreadExecutorTest} covers the default, idle workers.
 */
class ThreadDrivenExecutorTest extends MultiThreadExecutorTest {

    @Override
    AsyncRuntime newRuntime() {
        return DriverModes.multi(2, "weft-test-", false);
    }
}
