package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
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

    @Test
    void closeFromInsideATaskStopsEveryThread() throws Exception {
        JoinHandle<String> h =
                rt.spawn(
                        cx -> {
                            rt.close();
                            return Poll.ready("closed from a worker");
                        });
        assertEquals("closed from a worker", h.toCompletableFuture().get(30, TimeUnit.SECONDS));
        RuntimeThreads.join(rt); // a hang guard: the worker that closed exits once its task returns
        for (Thread t : rt.threads()) {
            assertFalse(t.isAlive(), t.getName() + " still alive");
        }
    }
}
