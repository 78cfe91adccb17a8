package app;

import static dev.weft.Async.await;

import dev.weft.Async;
import dev.weft.Future;

public class Locked {
    private final Object lock = new Object();

    public Future<Void> run() {
        synchronized (lock) {
            await(Async.yieldNow());
        }
        return Future.done();
    }
}
