package dev.weft.bench.depth;

import static dev.weft.Async.await;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.Poll;
import dev.weft.Waker;
import dev.weft.bench.footprint.Footprint;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The weft side of the depth and footprint groups: chains of plain-Java async methods, each
 * frame holding three long locals live across its await, woven by the agent (the JMH forks and
 * the runner's JVMs get {@code -javaagent:agent/target/weft-agent.jar}).
 *
 * <p>The frames return {@code (a + b + c + v) & 63} so the boxed result is a cached Long: the
 * bytes measured are the chain's, not the boxing of its answer.
 */
public final class WeftChains {

    private WeftChains() {}

    static final Poll<Long> ONE = Poll.ready(1L);

    /** An already-complete leaf, shared. */
    public static final Future<Long> READY = Future.ready(1L);

    /**
     * A reusable one-bit signal between two tasks of one current-thread runtime (no
     * synchronization: one thread polls and signals): ready once per signal.
     */
    public static final class Flag implements Future<Long> {
        private boolean set;
        private Waker waiter;

        @Override
        public Poll<Long> poll(Context cx) {
            if (set) {
                set = false;
                return ONE;
            }
            waiter = cx.waker();
            return Poll.pending();
        }

        public void signal() {
            set = true;
            Waker w = waiter;
            if (w != null) {
                waiter = null;
                w.wake();
            }
        }
    }

    /**
     * A leaf that never completes: it keeps its task's waker, as any real leaf must (a socket,
     * a oneshot), and counts the tasks that reached it.
     */
    static final class Never implements Future<Long> {
        static final AtomicInteger PARKED = new AtomicInteger();
        private Waker waker;

        @Override
        public Poll<Long> poll(Context cx) {
            if (waker == null) {
                PARKED.incrementAndGet();
            }
            waker = cx.waker();
            return Poll.pending();
        }
    }

    /** D frames; the innermost awaits {@code leaf}. */
    static Future<Long> chain(int d, long x, Future<Long> leaf) {
        long a = x * 3;
        long b = x ^ 0x5DEECE66DL;
        long c = x + d;
        long v = d <= 1 ? await(leaf) : await(chain(d - 1, x + 1, leaf));
        return Future.ready((a + b + c + v) & 63);
    }

    /** Depth "0" of the footprint group: one async method without locals, awaiting {@code leaf}. */
    static Future<Long> idle(Future<Long> leaf) {
        return Future.ready(await(leaf));
    }

    static final AtomicInteger SLEEPING = new AtomicInteger();

    static Future<Void> sleeper() {
        SLEEPING.incrementAndGet();
        await(Async.sleep(Duration.ofMillis(Footprint.SLEEP_MILLIS)));
        return Future.done();
    }

    // ---- (a) ----

    static Future<Long> pingChain(int d, long x, Flag ping, Flag pong, int rounds) {
        long a = x * 3;
        long b = x ^ 0x5DEECE66DL;
        long c = x + d;
        long v = 0;
        if (d <= 1) {
            for (int i = 0; i < rounds; i++) {
                v += await(ping);
                pong.signal();
            }
        } else {
            v = await(pingChain(d - 1, x + 1, ping, pong, rounds));
        }
        return Future.ready((a + b + c + v) & 63);
    }

    static Future<Long> partner(Flag ping, Flag pong, int rounds) {
        long n = 0;
        for (int i = 0; i < rounds; i++) {
            ping.signal();
            n += await(pong);
        }
        return Future.ready(n);
    }

    /** (a): ROUNDS suspend/wake/resume cycles of a chain of {@code depth} frames against a partner task. */
    public static long pingPong(AsyncRuntime rt, int depth, int rounds) {
        Flag ping = new Flag();
        Flag pong = new Flag();
        JoinHandle<Long> chain = rt.spawn(pingChain(depth, 1, ping, pong, rounds));
        JoinHandle<Long> other = rt.spawn(partner(ping, pong, rounds));
        long r = rt.blockOn(chain);
        if (rt.blockOn(other) != rounds) {
            throw new AssertionError("partner did not see every round");
        }
        return r;
    }

    // ---- (c) ----

    /** A leaf that is pending on every other poll, registering nothing (its driver is polled by hand). */
    static final class Tick implements Future<Long> {
        private boolean flip;

        @Override
        public Poll<Long> poll(Context cx) {
            flip = !flip;
            return flip ? Poll.pending() : ONE;
        }
    }

    static long readySum;

    @SuppressWarnings("InfiniteLoopStatement")
    static Future<Long> readyLoop(int depth, Tick tick) {
        for (; ; ) {
            readySum += await(chain(depth, 1, READY));
            await(tick);
        }
    }

    /** (c): each {@link #step} awaits an already-ready leaf through {@code depth} frames once. */
    public static final class ReadyDriver {
        private final Future<Long> loop;
        private final Context cx = Context.of(() -> {});

        public ReadyDriver(int depth) {
            loop = readyLoop(depth, new Tick());
        }

        public long step() {
            if (loop.poll(cx).isReady()) {
                throw new AssertionError("the driver loops forever");
            }
            return readySum;
        }
    }

    // ---- footprint ----

    /** Footprint: tasks of one multi-threaded runtime, suspended for good or sleeping. */
    public static final class Idle implements Footprint.Peer {
        private final AsyncRuntime rt = AsyncRuntime.create();

        @Override
        public void start(String mode, int depth, Object[] handles) throws InterruptedException {
            Never.PARKED.set(0);
            SLEEPING.set(0);
            AtomicInteger counter = mode.equals("sleep") ? SLEEPING : Never.PARKED;
            for (int i = 0; i < handles.length; i++) {
                Future<?> f;
                if (mode.equals("sleep")) {
                    f = sleeper();
                } else if (depth == 0) {
                    f = idle(new Never());
                } else {
                    f = chain(depth, i, new Never());
                }
                handles[i] = rt.spawn(f);
            }
            while (counter.get() < handles.length) {
                Thread.sleep(10);
            }
            Thread.sleep(200); // sleepers count before arming their timer
        }

        @Override
        public void stop() {
            rt.close();
        }
    }
}
