package consumer;

import static dev.weft.Async.await;

import dev.weft.Async;
import dev.weft.Future;
import java.time.Duration;

public class Prices {
    public static Future<Integer> price(int id) {
        await(Async.sleep(Duration.ofMillis(2)));
        return Future.ready(id * 10);
    }

    public static Future<Integer> total() {
        int a = await(price(1));
        int b = await(price(2));
        return Future.ready(a + b);
    }
}
