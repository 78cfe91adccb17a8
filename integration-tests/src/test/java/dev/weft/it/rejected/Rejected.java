package dev.weft.it.rejected;

import static dev.weft.Async.await;

import dev.weft.Future;
import dev.weft.Generator;
import dev.weft.testkit.Leaf;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One rejected method per reason, next to methods that must still be woven and work. */
public final class Rejected {

    private final Object lock = new Object();

    public Future<Integer> syncBlock() {
        int before = 1;
        synchronized (lock) {
            before += await(Leaf.of(1)); // REJECT syncBlock
        }
        return Future.ready(before);
    }

    public static synchronized Future<Integer> syncMethod() {
        return Future.ready(await(Leaf.of(2))); // REJECT syncMethod
    }

    public static int notAFuture() {
        int x = 3;
        return x + await(Leaf.of(x)); // REJECT notAFuture
    }

    public static void voidMethod() {
        String s = await(Leaf.of("v")); // REJECT voidMethod
        System.out.println(s);
    }

    /** An IDE's auto-import picked the JDK's Future. */
    public static java.util.concurrent.Future<Integer> jdkFuture() {
        return java.util.concurrent.CompletableFuture.completedFuture(
                await(Leaf.of(9))); // REJECT jdkFuture
    }

    /** A stream's Function cannot suspend: the lambda body is rejected, named by this method. */
    public static Future<List<Integer>> lambdaInStream() {
        return Future.ready(
                Stream.of(1, 2)
                        .map(x -> x + await(Leaf.of(10))) // REJECT lambdaInStream
                        .collect(Collectors.toList()));
    }

    public static Future<Integer> yieldOutsideGenerator() {
        Generator.yield(4); // REJECT yieldOutsideGenerator
        return Future.ready(4);
    }

    public static Generator<Integer> awaitInGenerator() {
        int v = await(Leaf.of(5)); // REJECT awaitInGenerator
        Generator.yield(v);
        return null;
    }

    /** Woven normally although its siblings are rejected. */
    public static Future<Integer> fine(int x) {
        return Future.ready(await(Leaf.of(x)) + await(Leaf.of(1)));
    }

    /** A generator next to the rejected methods. */
    public static Generator<String> fineGenerator() {
        Generator.yield("a");
        Generator.yield("b");
        return null;
    }

    /** A synchronized method without await is just a synchronized method. */
    public synchronized int plainSynchronized() {
        return 6;
    }

    /** A synchronized block that closes before the await is fine. */
    public Future<Integer> syncBeforeAwait() {
        int x;
        synchronized (lock) {
            x = 7;
        }
        return Future.ready(x + await(Leaf.of(1)));
    }
}
