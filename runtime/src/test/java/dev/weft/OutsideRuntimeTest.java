package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What works, and what is refused, on a thread that belongs to no runtime. */
class OutsideRuntimeTest {

    @Test
    void asyncSpawnOutsideARuntimeIsRefused() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> Async.spawn(Future.done()));
        assertTrue(e.getMessage().contains("outside a weft runtime"), e.getMessage());
    }

    @Test
    void awaitUnwovenIsRefused() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> Async.await(Future.done()));
        assertTrue(e.getMessage().contains("-javaagent"), e.getMessage());
    }

    @Test
    void sleepPolledByHandUsesTheFallbackTimer() throws Exception {
        CountDownLatch woken = new CountDownLatch(1);
        Future<Void> sleep = Async.sleep(Duration.ofMillis(10));
        Context cx = Context.of(woken::countDown);
        long t0 = System.nanoTime();
        assertEquals(false, sleep.poll(cx).isReady());
        assertTrue(woken.await(60, TimeUnit.SECONDS)); // a hang guard for a 10 ms timer
        assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(10));
        assertTrue(sleep.poll(cx).isReady());
    }

    @Test
    void blockOnFromAnotherRuntimesThreadIsRefused() {
        try (AsyncRuntime a = AsyncRuntime.currentThread();
                AsyncRuntime b = AsyncRuntime.currentThread()) {
            String msg =
                    a.blockOn(
                            cx -> {
                                try {
                                    b.blockOn(Future.done());
                                    return Poll.ready("none");
                                } catch (IllegalStateException e) {
                                    return Poll.ready(e.getMessage());
                                }
                            });
            assertTrue(msg.contains("runtime thread"), msg);
        }
    }
}
