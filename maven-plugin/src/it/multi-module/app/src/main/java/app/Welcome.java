package app;

import static dev.weft.Async.await;

import dev.weft.Future;

/** Awaits the woven library's method from a class the agent weaves. */
public class Welcome {
    public static Future<String> welcome() {
        String g = await(Greeter.greet("module"));
        return Future.ready(g + "!");
    }
}
