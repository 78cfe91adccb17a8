package dev.weft;

/** The executor contract (and the multi-threaded extras) with idle workers driving the reactor. */
class WorkerDrivenExecutorTest extends MultiThreadExecutorTest {

    @Override
    AsyncRuntime newRuntime() {
        return DriverModes.multi(2, "weft-test-", true);
    }
}
