package dev.weft.bench;

import static dev.weft.Async.await;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Future;
import dev.weft.JoinHandle;

/**
 * The weft workloads as users write them: async methods with {@code await}, woven at load time
 * by {@code -javaagent:agent/target/weft-agent.jar} (the JMH fork of {@link AwaitingBench}
 * adds it). Same work as {@link WeftWorkloads}; the difference is the weaver's state objects.
 */
public final class AwaitingWorkloads {

    private AwaitingWorkloads() {}

    static Future<Long> skynet(long num, int size) {
        if (size == 1) {
            return Future.ready(num);
        }
        int sub = size / 10;
        @SuppressWarnings("unchecked") // no generic array creation; the array holds only these
        JoinHandle<Long>[] children = (JoinHandle<Long>[]) new JoinHandle<?>[10];
        for (int i = 0; i < 10; i++) {
            children[i] = Async.spawn(skynet(num + (long) i * sub, sub));
        }
        long sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += await(children[i]);
        }
        return Future.ready(sum);
    }

    /** skynet with {@code leaves} leaves (a power of ten), for the seed's comparison at other sizes. */
    public static long skynet(AsyncRuntime rt, int leaves) {
        return rt.blockOn(rt.spawn(skynet(0, leaves)));
    }

    public static long skynet(AsyncRuntime rt) {
        return rt.blockOn(rt.spawn(skynet(0, 1_000_000)));
    }

    static Future<Void> yielder(int yields, WeftWorkloads.Countdown done) {
        for (int i = 0; i < yields; i++) {
            await(Async.yieldNow());
        }
        done.done();
        return Future.done();
    }

    public static void yieldMany(AsyncRuntime rt, int tasks, int yields) {
        WeftWorkloads.Countdown c = new WeftWorkloads.Countdown(tasks);
        for (int i = 0; i < tasks; i++) {
            rt.spawn(yielder(yields, c));
        }
        rt.blockOn(c);
    }
}
