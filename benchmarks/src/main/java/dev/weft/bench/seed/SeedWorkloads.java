package dev.weft.bench.seed;

import dev.weft.AsyncRuntime;
import dev.weft.bench.AwaitingWorkloads;
import dev.weft.bench.WeftWorkloads;

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

    /** Hand-written state objects: the issue-5 workload at this size. */
    public static long weft(AsyncRuntime rt, int leaves) {
        return WeftWorkloads.skynet(rt, leaves);
    }

    /** With {@code await}, woven at load time (the fork runs with the agent). */
    public static long weftAwait(AsyncRuntime rt, int leaves) {
        return AwaitingWorkloads.skynet(rt, leaves);
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
                children[i]
                        .join(); // join() orders the child's write to results[i] before this read
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            sum += results[i];
        }
        return sum;
    }
}
