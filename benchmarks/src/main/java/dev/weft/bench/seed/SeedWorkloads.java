package dev.weft.bench.seed;

import static dev.weft.Async.await;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.Poll;

/**
 * skynet of any size (a power of ten of leaves) for the models whose shared versions are fixed
 * at 1,000,000 leaves: weft hand-written (the state object the weaver generates), weft with
 * {@code await} (woven at load time: the fork runs with the agent), and platform threads, one
 * {@code Thread} per node, each parent starting its ten children and joining them.
 */
public final class SeedWorkloads {

    private SeedWorkloads() {}

    /** Tasks in a skynet of {@code leaves} leaves: leaves * 10/9 (1 + 10 + ... + leaves). */
    public static int tasks(int leaves) {
        int t = 0;
        for (int s = leaves; s >= 1; s /= 10) {
            t += leaves / s;
        }
        return t;
    }

    /** The sum skynet answers: 0 + 1 + ... + leaves - 1. */
    public static long sum(int leaves) {
        return (long) leaves * (leaves - 1) / 2;
    }

    static final class Skynet implements Future<Long> {
        private final long num;
        private final int size;
        private JoinHandle<Long>[] children;
        private int next;
        private long sum;

        Skynet(long num, int size) {
            this.num = num;
            this.size = size;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Poll<Long> poll(Context cx) {
            if (size == 1) {
                return Poll.ready(num);
            }
            if (children == null) {
                int sub = size / 10;
                children = new JoinHandle[10];
                for (int i = 0; i < 10; i++) {
                    children[i] = Async.spawn(new Skynet(num + (long) i * sub, sub));
                }
            }
            while (next < 10) {
                Poll<Long> p = children[next].poll(cx);
                if (!p.isReady()) {
                    return Poll.pending();
                }
                sum += p.value();
                children[next++] = null;
            }
            return Poll.ready(sum);
        }
    }

    public static long weft(AsyncRuntime rt, int leaves) {
        return rt.blockOn(rt.spawn(new Skynet(0, leaves)));
    }

    static Future<Long> awaiting(long num, int size) {
        if (size == 1) {
            return Future.ready(num);
        }
        int sub = size / 10;
        @SuppressWarnings("unchecked")
        JoinHandle<Long>[] children = new JoinHandle[10];
        for (int i = 0; i < 10; i++) {
            children[i] = Async.spawn(awaiting(num + (long) i * sub, sub));
        }
        long sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += await(children[i]);
        }
        return Future.ready(sum);
    }

    public static long weftAwait(AsyncRuntime rt, int leaves) {
        return rt.blockOn(rt.spawn(awaiting(0, leaves)));
    }

    /** One platform thread per node; a parent blocks in join() on its ten children. */
    public static long platformThreads(int leaves) throws InterruptedException {
        long[] out = new long[1];
        Thread root = new Thread(() -> out[0] = platformNode(0, leaves));
        root.start();
        root.join();
        return out[0];
    }

    private static long platformNode(long num, int size) {
        if (size == 1) {
            return num;
        }
        int sub = size / 10;
        long[] results = new long[10];
        Thread[] children = new Thread[10];
        for (int i = 0; i < 10; i++) {
            int k = i;
            long n = num + (long) i * sub;
            children[i] = new Thread(() -> results[k] = platformNode(n, sub));
            children[i].start();
        }
        long sum = 0;
        for (int i = 0; i < 10; i++) {
            try {
                children[i].join(); // join() orders the child's write to results[i] before this read
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            sum += results[i];
        }
        return sum;
    }
}
