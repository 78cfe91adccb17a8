package dev.weft.examples;

import static dev.weft.Async.await;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Future;
import java.time.Duration;

/**
 * The seed's timer chain: wait 200 ms, then 100 ms, then 50 ms, then print "I'm the last one".
 * In callback style each timer is registered inside the previous one's callback; here the chain
 * is a straight-line method. Each {@code await} is a suspension point: the method's state object
 * keeps {@code start} while the timer is pending, and the runtime's timer wakes the task.
 */
public final class TimerChain {

    private TimerChain() {}

    /** A lazy async method: calling it runs nothing; blockOn polls it to completion. */
    static Future<Void> chain() {
        long start = System.nanoTime();
        await(Async.sleep(Duration.ofMillis(200)));
        System.out.printf("200 ms timer fired at %d ms%n", elapsedMillis(start));
        await(Async.sleep(Duration.ofMillis(100)));
        System.out.printf("100 ms timer fired at %d ms%n", elapsedMillis(start));
        await(Async.sleep(Duration.ofMillis(50)));
        System.out.printf("50 ms timer fired at %d ms%n", elapsedMillis(start));
        System.out.println("I'm the last one");
        return Future.done();
    }

    private static long elapsedMillis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Runs the chain on a runtime, blocking the calling thread until it is done. */
    public static void run() {
        try (AsyncRuntime runtime = AsyncRuntime.create()) {
            runtime.blockOn(chain());
        }
    }

    public static void main(String[] args) {
        run();
    }
}
