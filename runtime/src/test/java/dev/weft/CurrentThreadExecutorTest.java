package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CurrentThreadExecutorTest extends ExecutorContract {

    @Override
    AsyncRuntime newRuntime() {
        return AsyncRuntime.currentThread();
    }

    @Test
    void tasksRunOnlyOnTheBlockOnThread() {
        AtomicInteger runs = new AtomicInteger();
        Thread[] ranOn = new Thread[1];
        JoinHandle<Void> h =
                rt.spawn(
                        cx -> {
                            runs.incrementAndGet();
                            ranOn[0] = Thread.currentThread();
                            return Poll.ready(null);
                        });
        assertFalse(h.isDone(), "spawned from outside, it waits for a blockOn to drive it");
        assertEquals(0, runs.get());
        rt.blockOn(h);
        assertEquals(Thread.currentThread(), ranOn[0]);
    }

    @Test
    void oneYieldNowInBlockOnRunsEveryTaskQueuedBeforeIt() {
        // Deterministic only here: one thread runs the queue in order, so a single yield of the
        // blockOn future lets the task queued before it finish.
        AtomicInteger runs = new AtomicInteger();
        JoinHandle<Void> h =
                rt.spawn(
                        cx -> {
                            runs.incrementAndGet();
                            return Poll.ready(null);
                        });
        rt.blockOn(Async.yieldNow());
        assertTrue(h.isDone());
        assertEquals(1, runs.get());
    }

    @Test
    void closeFromInsideATaskCancelsTheRestAndEndsBlockOn() {
        ManualFuture<String> other = new ManualFuture<>();
        JoinHandle<String> otherHandle = rt.spawn(other);
        JoinHandle<String> closer =
                rt.spawn(
                        cx -> {
                            rt.close();
                            return Poll.ready("closed");
                        });
        assertThrows(CancellationException.class, () -> rt.blockOn(TestFutures.until(() -> false)));
        assertTrue(closer.isDone());
        assertTrue(otherHandle.isDone());
        assertEquals("closed", closer.toCompletableFuture().join());
        assertEquals(1, other.cancels.get());
    }
}
