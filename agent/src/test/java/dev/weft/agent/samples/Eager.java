package dev.weft.agent.samples;

import static dev.weft.Async.await;

import dev.weft.testkit.Leaf;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Eager (promise-style) async methods and await(CompletionStage). */
public final class Eager {

    private Eager() {}

    public static CompletableFuture<Integer> add(int a) {
        int b = await(Leaf.of(a));
        int c = await(CompletableFuture.completedFuture(10));
        return CompletableFuture.completedFuture(a + b + c);
    }

    public static CompletionStage<String> stage(String s) {
        String t = await(Leaf.of(s));
        return CompletableFuture.completedFuture(t + t);
    }

    public static CompletableFuture<String> fails() {
        await(Leaf.of(1));
        throw new IllegalStateException("eager failure");
    }
}
