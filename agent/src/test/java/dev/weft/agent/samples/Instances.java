package dev.weft.agent.samples;

import static dev.weft.Async.await;

import dev.weft.Future;
import dev.weft.testkit.Leaf;
import java.util.function.Supplier;

/** Instance methods: this, fields, private members, super calls, inner classes, lambdas. */
public class Instances extends InstancesBase {

    private int counter = 5;

    @Override
    public String greet() {
        return "derived";
    }

    private String secret(int k) {
        return "secret" + k;
    }

    public Future<String> method(int x) {
        int a = await(Leaf.of(x));
        counter += a;
        String s = super.greet() + "/" + greet() + "/" + await(Leaf.of(counter)) + "/" + secret(a);
        return Future.ready(s);
    }

    public static Future<String> entry(int x) {
        return new Instances().method(x);
    }

    final class Inner {
        Future<String> reach() {
            int k = await(Leaf.of(7));
            return Future.ready(secret(k) + counter);
        }
    }

    public static Future<String> inner() {
        return new Instances().new Inner().reach();
    }

    public static Future<Integer> lambdas(int k) {
        Supplier<Future<Integer>> capturing =
                () -> {
                    int v = await(Leaf.of(k));
                    return Future.ready(v * 2);
                };
        Supplier<Future<Integer>> plain = () -> Future.ready(await(Leaf.of(100)) + 1);
        return Future.ready(await(capturing.get()) + await(plain.get()));
    }
}
