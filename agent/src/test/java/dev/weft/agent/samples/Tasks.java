package dev.weft.agent.samples;

import static dev.weft.Async.await;

import dev.weft.testkit.Leaf;
import java.util.concurrent.CompletableFuture;

/** Eager methods declared to return CompletableFuture subclasses (issue 12 point 6). */
public final class Tasks {

    private Tasks() {}

    /** EA Async's Task: public, with a public no-arg constructor. */
    public static class Task<T> extends CompletableFuture<T> {
        public Task() {}
    }

    public abstract static class AbstractTask<T> extends CompletableFuture<T> {}

    public static Task<Integer> twice(int a) {
        int b = await(Leaf.of(a));
        Task<Integer> t = new Task<>();
        t.complete(a + b);
        return t;
    }

    public static AbstractTask<Integer> notCreatable() {
        await(Leaf.of(1));
        return null;
    }
}
