package dev.weft.agent.samples;

import static dev.weft.Async.await;

import dev.weft.Async;
import dev.weft.Future;
import dev.weft.Futures;
import dev.weft.JoinHandle;
import dev.weft.testkit.Leaf;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Futures created and never used, for the must-use warning: every line that must be reported
 * carries {@code // DISCARD}; every other use of a future here must stay silent.
 */
public class Discards {

    /** An interface call returning a future (INVOKEINTERFACE). */
    interface Api {
        Future<Integer> get();
    }

    private Future<Integer> field;
    private static Future<Integer> staticField;
    private final Object[] array = new Object[1];
    private final List<Future<Integer>> list = new ArrayList<>();

    static Future<Integer> load() {
        return Future.ready(await(Leaf.of(1)));
    }

    Future<Integer> fetch() {
        return Leaf.of(2);
    }

    static int consume(Future<Integer> f) {
        return f == null ? 0 : 1;
    }

    // ---- positives ----

    /** Woven: an awaiting method that also drops a future. */
    static Future<Integer> poppedInWovenMethod() {
        load(); // DISCARD popped-woven
        return Future.ready(await(Leaf.of(3)));
    }

    /** Not woven (no await): dropped all the same. */
    static int poppedInPlainMethod() {
        load(); // DISCARD popped-plain
        return 4;
    }

    static void storedNeverRead() {
        Future<Integer> unused = load(); // DISCARD stored
    }

    void instanceAndInterfaceCalls(Api api) {
        fetch(); // DISCARD virtual
        api.get(); // DISCARD interface
    }

    static void sleepDropped() {
        Async.sleep(Duration.ofMillis(1)); // DISCARD sleep
    }

    static Runnable inALambda() {
        return () -> load(); // DISCARD lambda
    }

    // ---- negatives ----

    static Future<Integer> awaited() {
        return Future.ready(await(load()) + await(Leaf.of(1)));
    }

    static JoinHandle<Integer> spawned() {
        Async.spawn(load()); // a JoinHandle dropped: the task runs anyway
        return Async.spawn(load());
    }

    static Future<Integer> returned() {
        return load();
    }

    void storedInFieldsArraysAndCollections() {
        field = load();
        staticField = load();
        array[0] = load();
        list.add(load());
    }

    static Future<List<Integer>> passedToMethods() {
        consume(load());
        return Futures.all(List.of(load(), load()));
    }

    static Future<Integer> storedThenRead(boolean flag) {
        Future<Integer> f = load();
        Future<Integer> g = load();
        if (flag) {
            return f;
        }
        return Future.ready(await(g));
    }

    static Future<Integer> readOnOnePathOnly(boolean flag) {
        Future<Integer> f = load();
        return flag ? f : Future.ready(0);
    }

    static Supplier<Future<Integer>> lambdaReturnsIt() {
        return () -> load();
    }

    static Future<Integer> conditional(boolean flag) {
        Future<Integer> f = flag ? load() : Leaf.of(5);
        return f;
    }
}
