package dev.weft.it;

import static dev.weft.Async.await;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Future;
import java.time.Duration;

/**
 * The program {@link DebuggerTest} debugs in a child JVM (woven there by the agent): one async
 * method whose two awaits really suspend (a timer), run as a task on a two-worker runtime.
 * Lines carry {@code // DEBUG} markers the test finds by name.
 */
public class DebugTarget {

    final String name = "target";
    int calls;

    Future<Integer> work(int base) {
        int local = base * 2;
        String label = "L" + base;
        await(Async.sleep(Duration.ofMillis(20))); // DEBUG first-await
        calls += local; // DEBUG after-first
        int second = local + label.length(); // DEBUG second-line
        await(Async.sleep(Duration.ofMillis(20))); // DEBUG second-await
        calls += second; // DEBUG after-second
        return Future.ready(calls + label.length() + name.length());
    }

    public static void main(String[] args) {
        try (AsyncRuntime rt =
                AsyncRuntime.builder().workers(2).threadNamePrefix("weft-debug-").build()) {
            System.out.println("result " + rt.blockOn(rt.spawn(new DebugTarget().work(21))));
        }
    }
}
