package dev.weft;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MultiThreadExecutorTest extends ExecutorContract {

    @Override
    AsyncRuntime newRuntime() {
        return AsyncRuntime.builder().workers(2).threadNamePrefix("weft-test-").build();
    }

    @Test
    void tasksRunOnNamedWorkers() {
        String name = rt.blockOn(rt.spawn(cx -> Poll.ready(Thread.currentThread().getName())));
        assertTrue(name.startsWith("weft-test-"), name);
    }
}
