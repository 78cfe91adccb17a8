package dev.weft.agent.samples;

import static dev.weft.Async.await;

import dev.weft.Future;
import dev.weft.Generator;
import dev.weft.testkit.Leaf;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every rejection; the class's other methods must still be woven and usable. */
public class Rejected {

    private final Object lock = new Object();

    static int never;

    static {
        if (Boolean.getBoolean("weft.never")) {
            never = await(Leaf.of(7));
        }
        if (Boolean.getBoolean("weft.never")) {
            try {
                never = await(Leaf.of(8), java.io.IOException.class); // two arguments to drop
            } catch (java.io.IOException e) {
                never = -1;
            }
        }
    }

    public Rejected() {}

    public Rejected(int x) {
        await(Leaf.of(x));
    }

    public Future<Integer> syncBlock() {
        synchronized (lock) {
            return Future.ready(await(Leaf.of(1)));
        }
    }

    public synchronized Future<Integer> syncMethod() {
        return Future.ready(await(Leaf.of(2)));
    }

    public static Integer wrongReturn() {
        return await(Leaf.of(3));
    }

    public static Future<Integer> yieldOutside() {
        Generator.yield(1);
        return Future.ready(1);
    }

    public static Generator<Integer> awaitInGenerator() {
        Generator.yield(await(Leaf.of(4)));
        return null;
    }

    public static void voidMethod() {
        await(Leaf.of(8));
    }

    public static java.util.concurrent.Future<Integer> jdkFuture() {
        return java.util.concurrent.CompletableFuture.completedFuture(await(Leaf.of(9)));
    }

    public static Future<List<Integer>> lambdaInStream() {
        return Future.ready(
                Stream.of(1).map(x -> await(Leaf.of(x + 10))).collect(Collectors.toList()));
    }

    /** A void lambda body gets the lambda advice, not the void-method one. */
    public static void forEachLambda() {
        List.of(3).forEach(x -> await(Leaf.of(x + 30)));
    }

    /** The inner lambda is created inside the outer one: the message still names this method. */
    public static Supplier<Future<Integer>> nestedLambda() {
        return () -> Future.ready(Stream.of(2).map(x -> await(Leaf.of(x + 20))).findFirst().get());
    }

    public static Future<String> fine() {
        return Future.ready("fine" + await(Leaf.of(5)));
    }

    public Future<Integer> afterSyncBlock() {
        synchronized (lock) {
            lock.hashCode();
        }
        return Future.ready(await(Leaf.of(6)));
    }
}
