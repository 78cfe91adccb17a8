package dev.weft.fuzz.rt;

import dev.weft.Future;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Leaf factories, one per awaited type (short names keep generated sources readable). The n-th
 * leaf created in a run behaves as {@link Schedule} says for n.
 */
public final class L {

    private static Schedule schedule = new Schedule(0, 0, 0);
    private static boolean woven;
    private static int created;

    /** Wake-ups and completions the driver performs after a pending poll, in order. */
    private static final ArrayDeque<Runnable> DEFERRED = new ArrayDeque<>();

    private L() {}

    /** Starts a run. {@code wovenRun} makes CompletionStage leaves really pending. */
    public static void begin(Schedule s, boolean wovenRun) {
        schedule = s;
        woven = wovenRun;
        created = 0;
        DEFERRED.clear();
    }

    static void defer(Runnable r) {
        DEFERRED.add(r);
    }

    /** Runs what pending leaves deferred; false when there was nothing (a lost wake-up). */
    public static boolean runDeferred() {
        if (DEFERRED.isEmpty()) {
            return false;
        }
        ArrayDeque<Runnable> now = new ArrayDeque<>(DEFERRED);
        DEFERRED.clear();
        for (Runnable r : now) {
            r.run();
        }
        return true;
    }

    private static Throwable failureOf(int n) {
        switch (schedule.failure(n)) {
            case 1:
                return new FuzzException("leaf#" + n);
            case 2:
                return new FuzzChecked("leafc#" + n);
            default:
                return null;
        }
    }

    private static <X> Future<X> leaf(X v) {
        int n = created++;
        return new Leaf<>(v, failureOf(n), schedule.pendingPolls(n));
    }

    public static Future<Integer> i(int v) {
        return leaf(v);
    }

    /** An int leaf pending at least once in the woven run (the bottom of a deep chain); its failure as scheduled. */
    public static Future<Integer> ip(int v) {
        int n = created++;
        return new Leaf<>(v, failureOf(n), Math.max(1, schedule.pendingPolls(n)));
    }

    /** One of three lock objects, for {@code synchronized (L.lock(await(...)))}. */
    public static Object lock(int k) {
        return LOCKS[Math.floorMod(k, LOCKS.length)];
    }

    private static final Object[] LOCKS = {new Object(), new Object(), new Object()};

    public static Future<Long> j(long v) {
        return leaf(v);
    }

    public static Future<Double> d(double v) {
        return leaf(v);
    }

    public static Future<Float> f(float v) {
        return leaf(v);
    }

    public static Future<Boolean> z(boolean v) {
        return leaf(v);
    }

    public static Future<Byte> b(byte v) {
        return leaf(v);
    }

    public static Future<Short> s(short v) {
        return leaf(v);
    }

    public static Future<Character> c(char v) {
        return leaf(v);
    }

    public static Future<String> str(String v) {
        return leaf(v);
    }

    public static Future<Box> box(Box v) {
        return leaf(v);
    }

    public static Future<int[]> arr(int[] v) {
        return leaf(v);
    }

    public static Future<Void> v() {
        return leaf(null);
    }

    public static Future<Object> o(Object v) {
        return leaf(v);
    }

    public static Future<CharSequence> cq(CharSequence v) {
        return leaf(v);
    }

    /** A CompletionStage leaf (the {@code await(CompletionStage)} overload). */
    public static CompletionStage<Integer> cs(int v) {
        int n = created++;
        Throwable failure = failureOf(n);
        if (!woven || schedule.pendingPolls(n) == 0) {
            return failure != null
                    ? CompletableFuture.failedFuture(failure)
                    : CompletableFuture.completedFuture(v);
        }
        CompletableFuture<Integer> cf = new CompletableFuture<>();
        defer(
                () -> {
                    if (failure != null) {
                        cf.completeExceptionally(failure);
                    } else {
                        cf.complete(v);
                    }
                });
        return cf;
    }

    /**
     * A CompletionStage leaf pending in the woven run and completed from another thread (the
     * driver joins it before polling again): the bottom of an eager chain whose continuations
     * then run on that thread's stack, the shape of issue 12 point 2.
     */
    public static CompletionStage<Integer> csx(int v) {
        int n = created++;
        Throwable failure = failureOf(n);
        if (!woven) {
            return failure != null
                    ? CompletableFuture.failedFuture(failure)
                    : CompletableFuture.completedFuture(v);
        }
        CompletableFuture<Integer> cf = new CompletableFuture<>();
        defer(
                () -> {
                    Thread t =
                            new Thread(
                                    null,
                                    () -> {
                                        if (failure != null) {
                                            cf.completeExceptionally(failure);
                                        } else {
                                            cf.complete(v);
                                        }
                                    },
                                    "weft-fuzz-completer",
                                    // the JVM's default (-Xss), as the thread the reference
                                    // runs on: the woven run continues the eager chain here,
                                    // and may descend again (a new chain from a continuation)
                                    0);
                    t.start();
                    try {
                        t.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while a leaf completes", e);
                    }
                });
        return cf;
    }

    /** Sum of an int vararg list: a varargs call whose arguments may be awaited. */
    public static int va(int... xs) {
        int s = 17;
        for (int x : xs) {
            s = s * 31 + x;
        }
        return s;
    }

    /** Renders varargs of any type. */
    public static String vs(Object... xs) {
        return T.show(xs);
    }
}
