package app;

import static dev.weft.Async.await;

import dev.weft.Async;
import dev.weft.Future;
import java.time.Duration;

public class Greeter {
    public static Future<String> greet(String who) {
        await(Async.sleep(Duration.ofMillis(5))); // really suspends: the timer is pending
        String name = await(Future.ready(who));
        return Future.ready("hello " + name);
    }
}
