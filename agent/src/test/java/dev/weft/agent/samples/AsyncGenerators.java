package dev.weft.agent.samples;

import static dev.weft.Async.await;

import dev.weft.AsyncStream;
import dev.weft.Future;
import dev.weft.Generator;
import dev.weft.testkit.Leaf;
import java.util.ArrayList;
import java.util.List;

/** Async generators: awaits and yields in one body, locals live across both. */
public final class AsyncGenerators {

    /** Appended to by the bodies, so tests can see what ran and when. */
    public static final List<String> LOG = new ArrayList<>();

    private AsyncGenerators() {}

    public static AsyncStream<Integer> squares(int n) {
        LOG.add("start");
        long total = 0;
        for (int i = 0; i < n; i++) {
            int x = await(Leaf.of(i));
            total += x;
            Generator.yield(x * x);
            LOG.add("after" + i);
        }
        Generator.yield((int) total + 1000);
        return null;
    }

    public static AsyncStream<String> guarded(int n) {
        try {
            for (int i = 0; i < n; i++) {
                Generator.yield("v" + await(Leaf.of(i)));
            }
        } finally {
            LOG.add("finally");
        }
        return null;
    }

    public static AsyncStream<String> fails() {
        Generator.yield("first");
        await(Leaf.fail(new IllegalArgumentException("producer failed")));
        Generator.yield("never");
        return null;
    }

    /** A consumer: a lazy async method awaiting hasNext(). */
    public static Future<List<Object>> collect(AsyncStream<?> s) {
        List<Object> out = new ArrayList<>();
        while (await(s.hasNext())) {
            out.add(s.next());
        }
        return Future.ready(out);
    }
}
