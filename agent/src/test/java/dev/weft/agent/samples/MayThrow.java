package dev.weft.agent.samples;

import static dev.weft.Async.await;

import dev.weft.Future;
import dev.weft.testkit.Leaf;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Pairs of methods that differ only in the await form: {@code plainX} calls {@code await(f)},
 * {@code typedX} calls {@code await(f, IOException.class)}; their woven forms must be the same.
 */
public final class MayThrow {

    private MayThrow() {}

    public static Future<String> plainLeaf(String v) {
        long kept = 7;
        String r = await(Leaf.of(v));
        return Future.ready(r + kept);
    }

    public static Future<String> typedLeaf(String v) throws IOException {
        long kept = 7;
        String r = await(Leaf.of(v), IOException.class);
        return Future.ready(r + kept);
    }

    public static Future<String> plainStage(CompletionStage<String> s) {
        long kept = 7;
        String r = await(s);
        return Future.ready(r + kept);
    }

    public static Future<String> typedStage(CompletionStage<String> s) throws IOException {
        long kept = 7;
        String r = await(s, IOException.class);
        return Future.ready(r + kept);
    }

    static Future<String> callee(String v) {
        return Future.ready(await(Leaf.of(v)) + "'");
    }

    /** A direct await: the callee's body runs in place. */
    public static Future<String> plainDirect(String v) {
        long kept = 7;
        String r = await(callee(v));
        return Future.ready(r + kept);
    }

    public static Future<String> typedDirect(String v) throws IOException {
        long kept = 7;
        String r = await(callee(v), IOException.class);
        return Future.ready(r + kept);
    }

    public static CompletableFuture<String> plainEager(String v) {
        long kept = 7;
        String r = await(Leaf.of(v));
        return CompletableFuture.completedFuture(r + kept);
    }

    public static CompletableFuture<String> typedEager(String v) throws IOException {
        long kept = 7;
        String r = await(Leaf.of(v), IOException.class);
        return CompletableFuture.completedFuture(r + kept);
    }

    /** The class argument from a local: still dropped, the call stays the same suspension point. */
    public static Future<String> typedFromLocal(String v) throws IOException {
        Class<IOException> type = IOException.class;
        String r = await(Leaf.of(v), type);
        return Future.ready(r);
    }

    /** Caught by type: the failure is the leaf's own object. */
    public static Future<String> caught(IOException failure) {
        try {
            return Future.ready(await(Leaf.<String>fail(failure), IOException.class));
        } catch (IOException e) {
            return Future.ready(e == failure ? "caught the same object" : "caught a copy");
        }
    }
}
