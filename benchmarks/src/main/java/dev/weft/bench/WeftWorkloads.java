package dev.weft.bench;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.Poll;
import dev.weft.Waker;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The weft side of the scheduler benchmarks (Tokio's {@code benches/rt_multi_threaded.rs}),
 * written as hand-written futures: what the weaver generates for the equivalent async methods
 * is a state object of the same shape, so these measure the scheduler, not the weaving.
 */
public final class WeftWorkloads {

    private WeftWorkloads() {}

    /** skynet: 1,111,111 tasks; each non-leaf spawns 10 children and sums their values. */
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
        @SuppressWarnings("unchecked") // no generic array creation; the array holds only these
        public Poll<Long> poll(Context cx) {
            if (size == 1) {
                return Poll.ready(num);
            }
            if (children == null) {
                int sub = size / 10;
                children = (JoinHandle<Long>[]) new JoinHandle<?>[10];
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

    /** skynet with {@code leaves} leaves (a power of ten), for the seed's comparison at other sizes. */
    public static long skynet(AsyncRuntime rt, int leaves) {
        return rt.blockOn(rt.spawn(new Skynet(0, leaves)));
    }

    public static long skynet(AsyncRuntime rt) {
        return rt.blockOn(rt.spawn(new Skynet(0, 1_000_000)));
    }

    /** Ready once {@code count} tasks called {@link #done()}; the last one wakes it. */
    public static final class Countdown implements Future<Void> {
        private final AtomicInteger left;
        private volatile Waker waker;

        public Countdown(int count) {
            left = new AtomicInteger(count);
        }

        public void done() {
            if (left.decrementAndGet() == 0) {
                Waker w = waker;
                if (w != null) {
                    w.wake();
                }
            }
        }

        @Override
        public Poll<Void> poll(Context cx) {
            waker = cx.waker();
            // ordering: re-read after publishing the waker; the last done() reads it after its
            // decrement.
            return left.get() == 0 ? Poll.ready(null) : Poll.pending();
        }
    }

    /** A no-op task that counts down. */
    static Future<Void> noop(Countdown c) {
        return cx -> {
            c.done();
            return Poll.ready(null);
        };
    }

    /** spawn_many from a worker: one task spawns {@code n} no-op tasks and waits for them. */
    public static void spawnManyFromWorker(AsyncRuntime rt, int n) {
        Countdown c = new Countdown(n);
        rt.blockOn(
                rt.spawn(
                        new Future<Void>() {
                            boolean spawned;

                            @Override
                            public Poll<Void> poll(Context cx) {
                                if (!spawned) {
                                    spawned = true;
                                    for (int i = 0; i < n; i++) {
                                        Async.spawn(noop(c));
                                    }
                                }
                                return c.poll(cx);
                            }
                        }));
    }

    /** spawn_many from outside: this (non-runtime) thread spawns {@code n} no-op tasks. */
    public static void spawnManyFromOutside(AsyncRuntime rt, int n) {
        Countdown c = new Countdown(n);
        for (int i = 0; i < n; i++) {
            rt.spawn(noop(c));
        }
        rt.blockOn(c);
    }

    /** chained_spawn: a task spawns the next, {@code n} deep; the last one completes the countdown. */
    static final class Chain implements Future<Void> {
        private final int n;
        private final Countdown done;

        Chain(int n, Countdown done) {
            this.n = n;
            this.done = done;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            if (n == 0) {
                done.done();
            } else {
                Async.spawn(new Chain(n - 1, done));
            }
            return Poll.ready(null);
        }
    }

    public static void chainedSpawn(AsyncRuntime rt, int n) {
        Countdown c = new Countdown(1);
        rt.spawn(new Chain(n, c));
        rt.blockOn(c);
    }

    /** yield_many: a task awaiting {@code Async.yieldNow()} {@code n} times. */
    static final class Yielder implements Future<Void> {
        private final Countdown done;
        private int left;
        private Future<Void> yield;

        Yielder(int n, Countdown done) {
            this.left = n;
            this.done = done;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            while (left > 0) {
                if (yield == null) {
                    yield = Async.yieldNow();
                }
                if (!yield.poll(cx).isReady()) {
                    return Poll.pending();
                }
                yield = null;
                left--;
            }
            done.done();
            return Poll.ready(null);
        }
    }

    public static void yieldMany(AsyncRuntime rt, int tasks, int yields) {
        Countdown c = new Countdown(tasks);
        for (int i = 0; i < tasks; i++) {
            rt.spawn(new Yielder(yields, c));
        }
        rt.blockOn(c);
    }
}
