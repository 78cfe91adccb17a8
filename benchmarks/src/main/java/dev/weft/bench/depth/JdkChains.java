package dev.weft.bench.depth;

import dev.weft.bench.footprint.Footprint;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The JDK peers: virtual threads parked at the bottom of recursive frames holding three longs
 * (the shape of the JDK's own loom {@code Ring} micro-benchmark, with park/unpark as the
 * hand-off), and CompletableFuture callbacks for the footprint group.
 */
public final class JdkChains {

    private JdkChains() {}

    /**
     * {@code Thread.ofVirtual().factory()} through reflection: the module is compiled with
     * {@code --release 17} (the project's baseline) and run on JDK 21+.
     */
    static final ThreadFactory VIRTUAL = virtualFactory();

    private static ThreadFactory virtualFactory() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            return (ThreadFactory)
                    Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
        } catch (ReflectiveOperationException e) {
            return r -> {
                throw new UnsupportedOperationException("virtual threads need JDK 21+", e);
            };
        }
    }

    /** (a): ROUNDS park/unpark cycles of a virtual thread at {@code depth} frames against a partner. */
    public static long pingPong(int depth, int rounds) throws InterruptedException {
        PingPong p = new PingPong(rounds);
        Thread chain = VIRTUAL.newThread(() -> p.result = p.chain(depth, 1));
        Thread partner = VIRTUAL.newThread(p::partner);
        p.chainThread = chain;
        p.partnerThread = partner;
        chain.start();
        partner.start();
        chain.join();
        partner.join();
        return p.result;
    }

    private static final class PingPong {
        final int rounds;
        volatile boolean ping;
        volatile boolean pong;
        volatile Thread chainThread;
        volatile Thread partnerThread;
        long result;

        PingPong(int rounds) {
            this.rounds = rounds;
        }

        long chain(int d, long x) {
            long a = x * 3;
            long b = x ^ 0x5DEECE66DL;
            long c = x + d;
            long v = 0;
            if (d <= 1) {
                for (int i = 0; i < rounds; i++) {
                    while (!ping) {
                        LockSupport.park();
                    }
                    ping = false;
                    v++;
                    pong = true;
                    LockSupport.unpark(partnerThread);
                }
            } else {
                v = chain(d - 1, x + 1);
            }
            return (a + b + c + v) & 63;
        }

        void partner() {
            for (int i = 0; i < rounds; i++) {
                ping = true;
                LockSupport.unpark(chainThread);
                while (!pong) {
                    LockSupport.park();
                }
                pong = false;
            }
        }
    }

    /** (c)'s baseline: the same chain as plain calls (a thread's "await" of a ready value). */
    public static long plainChain(int d, long x) {
        long a = x * 3;
        long b = x ^ 0x5DEECE66DL;
        long c = x + d;
        long v = d <= 1 ? x : plainChain(d - 1, x + 1);
        return (a + b + c + v) & 63;
    }

    static long parkedChain(int d, long x, AtomicInteger parked) {
        long a = x * 3;
        long b = x ^ 0x5DEECE66DL;
        long c = x + d;
        long v = 0;
        if (d <= 1) {
            parked.incrementAndGet();
            for (; ; ) {
                LockSupport.park(); // never unparked; spurious returns park again
            }
        }
        v = parkedChain(d - 1, x + 1, parked);
        return (a + b + c + v) & 63;
    }

    /** Footprint: virtual threads parked (at DEPTH frames, or directly for 0) or sleeping. */
    public static final class IdleThreads implements Footprint.Peer {
        @Override
        public void start(String mode, int depth, Object[] handles) throws InterruptedException {
            AtomicInteger parked = new AtomicInteger();
            for (int i = 0; i < handles.length; i++) {
                long x = i;
                Runnable r;
                if (mode.equals("sleep")) {
                    r =
                            () -> {
                                parked.incrementAndGet();
                                try {
                                    Thread.sleep(Footprint.SLEEP_MILLIS);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            };
                } else if (depth == 0) {
                    r =
                            () -> {
                                parked.incrementAndGet();
                                for (; ; ) {
                                    LockSupport.park();
                                }
                            };
                } else {
                    r = () -> parkedChain(depth, x, parked);
                }
                Thread t = VIRTUAL.newThread(r);
                t.start();
                handles[i] = t;
            }
            while (parked.get() < handles.length) {
                Thread.sleep(10);
            }
            Thread.sleep(200); // the last increments happen just before their park
        }
    }

    /**
     * Footprint: a never-completed CompletableFuture with one thenApply callback per "task"
     * (suspend), or a CompletableFuture completed by CompletableFuture.delayedExecutor (sleep;
     * its timer is a ScheduledThreadPoolExecutor task).
     */
    public static final class IdleFutures implements Footprint.Peer {
        @Override
        public void start(String mode, int depth, Object[] handles) {
            if (mode.equals("sleep")) {
                var delayed =
                        CompletableFuture.delayedExecutor(
                                Footprint.SLEEP_MILLIS, TimeUnit.MILLISECONDS);
                for (int i = 0; i < handles.length; i++) {
                    handles[i] = CompletableFuture.runAsync(() -> {}, delayed);
                }
                return;
            }
            for (int i = 0; i < handles.length; i++) {
                CompletableFuture<Long> leaf = new CompletableFuture<>();
                leaf.thenApply(v -> v + 1);
                handles[i] = leaf;
            }
        }
    }
}
