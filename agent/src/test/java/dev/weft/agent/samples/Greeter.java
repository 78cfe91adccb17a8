package dev.weft.agent.samples;

import static dev.weft.Async.await;

import dev.weft.Future;
import dev.weft.testkit.Leaf;

/** Interface default and static async methods. */
public interface Greeter {

    String name();

    default Future<String> hello(String who) {
        String p = await(Leaf.of("hi "));
        return Future.ready(p + who + " from " + name() + await(twice(2)));
    }

    static Future<Integer> twice(int x) {
        return Future.ready(await(Leaf.of(x)) * 2);
    }

    static Future<String> entry() {
        Greeter g = () -> "lambda";
        return g.hello("you");
    }
}
