package dev.weft.bench.stack;

import static dev.weft.Async.await;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One cold attempt of a recursion of depth n on a thread with a given stack (issue 12, point 4):
 * exits 0 when it completed with the right value, 1 on StackOverflowError, 2 on anything else
 * (a wrong value, a hang). {@code benchmarks/run/stackdepth} bisects n in fresh JVMs.
 *
 * <p>Usage: {@code java -javaagent:weft-agent.jar StackDepth <mode> <n> <stackBytes>}, mode one of
 * {@code plain} (plain Java recursion), {@code ready} (weft, each level awaits the next, ready base:
 * the direct-await path), {@code pending} (weft, the bottom awaits a pending leaf: descend, then
 * complete the leaf and re-poll), {@code stored} (as pending, but each level awaits the next
 * through a variable, so every level is polled through its state object), {@code wideplain},
 * {@code widepending}, {@code widestored} (the same with eight more ints live across the call), {@code eager}
 * (CompletableFuture-returning levels, the bottom
 * awaits a CompletableFuture completed from another thread).
 */
public final class StackDepth {

    private StackDepth() {}

    static int plain(int n) {
        if (n == 0) {
            return 0;
        }
        return plain(n - 1) + 1;
    }

    static Future<Integer> ready(int n) {
        if (n == 0) {
            return Future.ready(0);
        }
        return Future.ready(await(ready(n - 1)) + 1);
    }

    /** Pending until {@link #open} is set; then ready with 0. */
    static final class Gate implements Future<Integer> {
        volatile boolean open;

        @Override
        public Poll<Integer> poll(Context cx) {
            return open ? Poll.ready(0) : Poll.pending();
        }
    }

    static Gate gate;

    static Future<Integer> pending(int n) {
        if (n == 0) {
            return Future.ready(await(gate));
        }
        return Future.ready(await(pending(n - 1)) + 1);
    }

    /** As {@link #pending}, but awaiting through a variable: every level polls a state object. */
    static Future<Integer> stored(int n) {
        if (n == 0) {
            return Future.ready(await(gate));
        }
        Future<Integer> next = stored(n - 1);
        return Future.ready(await(next) + 1);
    }

    /**
     * As {@link #plain}, with eight more ints live across the call: a frame about twice as big.
     * With {@link #wideStored}, it shows what a state-object level adds to a plain frame of any
     * size: the difference per level is the same as between {@link #plain} and {@link #stored}.
     */
    static int widePlain(int n) {
        if (n == 0) {
            return 0;
        }
        int a = n + 1, b = n + 2, c = n + 3, d = n + 4, e = n + 5, f = n + 6, g = n + 7, h = n + 8;
        int r = widePlain(n - 1);
        return r + 1 + (a + b + c + d + e + f + g + h) - (8 * n + 36);
    }

    /** As {@link #stored}, with the eight ints of {@link #widePlain}. */
    static Future<Integer> wideStored(int n) {
        if (n == 0) {
            return Future.ready(await(gate));
        }
        int a = n + 1, b = n + 2, c = n + 3, d = n + 4, e = n + 5, f = n + 6, g = n + 7, h = n + 8;
        Future<Integer> next = wideStored(n - 1);
        int r = await(next);
        return Future.ready(r + 1 + (a + b + c + d + e + f + g + h) - (8 * n + 36));
    }

    /** As {@link #pending} (the direct-await path), with the eight ints of {@link #widePlain}. */
    static Future<Integer> widePending(int n) {
        if (n == 0) {
            return Future.ready(await(gate));
        }
        int a = n + 1, b = n + 2, c = n + 3, d = n + 4, e = n + 5, f = n + 6, g = n + 7, h = n + 8;
        int r = await(widePending(n - 1));
        return Future.ready(r + 1 + (a + b + c + d + e + f + g + h) - (8 * n + 36));
    }

    static CompletableFuture<Integer> leaf;

    static CompletableFuture<Integer> eager(int n) {
        if (n == 0) {
            return CompletableFuture.completedFuture(await(leaf));
        }
        return CompletableFuture.completedFuture(await(eager(n - 1)) + 1);
    }

    static int run(String mode, int n) throws Exception {
        switch (mode) {
            case "plain":
                return plain(n);
            case "wideplain":
                return widePlain(n);
            case "widepending":
                return pendingThenOpen(() -> widePending(n));
            case "widestored":
                return pendingThenOpen(() -> wideStored(n));
            case "ready":
                {
                    Poll<Integer> p = ready(n).poll(Context.of(() -> {}));
                    return p.isReady() ? p.value() : -1;
                }
            case "pending":
                return pendingThenOpen(() -> pending(n));
            case "stored":
                return pendingThenOpen(() -> stored(n));
            case "eager":
                {
                    leaf = new CompletableFuture<>();
                    CompletableFuture<Integer> top = eager(n);
                    Thread t = new Thread(() -> leaf.complete(0));
                    t.start();
                    t.join();
                    return top.get(3, TimeUnit.SECONDS);
                }
            default:
                throw new IllegalArgumentException(
                        "StackDepth.run(StackDepth.java): unknown mode " + mode);
        }
    }

    /** Polls the chain once (descent to the gate), opens the gate, polls again: the value or -1. */
    private static int pendingThenOpen(java.util.function.Supplier<Future<Integer>> chain) {
        gate = new Gate();
        Context cx = Context.of(() -> {});
        Future<Integer> top = chain.get();
        if (top.poll(cx).isReady()) {
            return -1;
        }
        gate.open = true;
        Poll<Integer> p = top.poll(cx);
        return p.isReady() ? p.value() : -1;
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int n = Integer.parseInt(args[1]);
        long stack = Long.parseLong(args[2]);
        int[] code = {2};
        Thread t =
                new Thread(
                        null,
                        () -> {
                            try {
                                int v = run(mode, n);
                                code[0] = v == n ? 0 : 2;
                            } catch (StackOverflowError e) {
                                code[0] = 1;
                            } catch (Throwable e) {
                                code[0] = e.getCause() instanceof StackOverflowError ? 1 : 2;
                                if (code[0] == 2) {
                                    e.printStackTrace();
                                }
                            }
                        },
                        "depth",
                        stack);
        t.start();
        t.join();
        System.exit(code[0]);
    }
}
