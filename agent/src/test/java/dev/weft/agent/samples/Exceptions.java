package dev.weft.agent.samples;

import static dev.weft.Async.await;

import dev.weft.Future;
import dev.weft.testkit.Leaf;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** try/catch/finally around awaits; checked exceptions pass through as the same object. */
public final class Exceptions {

    private Exceptions() {}

    public static final IOException BOOM = new IOException("boom");

    public static Future<String> tryCatchFinally(int v) {
        List<String> log = new ArrayList<>();
        try {
            log.add("try" + await(Leaf.of(v)));
            await(Leaf.<String>fail(BOOM));
            log.add("unreached");
        } catch (Exception e) {
            log.add("catch:" + e.getMessage() + await(Leaf.of("!")) + (e == BOOM));
        } finally {
            log.add("finally" + await(Leaf.of(v + 1)));
        }
        return Future.ready(String.join(",", log));
    }

    @SuppressWarnings("finally")
    public static Future<String> returnInFinally() {
        try {
            await(Leaf.of(1));
            throw new IllegalStateException("lost");
        } finally {
            return Future.ready("finally wins" + await(Leaf.of("")));
        }
    }

    public static Future<String> failsBeforeFirstAwait(boolean fail) throws IOException {
        if (fail) {
            throw BOOM;
        }
        return Future.ready(await(Leaf.of("ok")));
    }

    public static Future<String> propagates() {
        String s = await(Leaf.<String>fail(BOOM));
        return Future.ready(s);
    }

    public static Future<String> nestedTry(int v) {
        StringBuilder sb = new StringBuilder();
        try {
            try {
                sb.append(await(Leaf.of(v)));
                throw new IllegalArgumentException("inner");
            } catch (IllegalArgumentException e) {
                sb.append(e.getMessage()).append(await(Leaf.of("-")));
                await(Leaf.<String>fail(new UnsupportedOperationException("outer")));
            } finally {
                sb.append("f1");
            }
        } catch (UnsupportedOperationException e) {
            sb.append(e.getMessage()).append(await(Leaf.of("+")));
        }
        return Future.ready(sb.toString());
    }
}
