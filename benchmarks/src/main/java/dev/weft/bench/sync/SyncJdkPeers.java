package dev.weft.bench.sync;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;

/**
 * Virtual-thread peers of the sync benchmarks: one virtual thread per task, blocking queues as
 * the channels ({@link ArrayBlockingQueue} bounded, {@link LinkedBlockingQueue} unbounded) and a
 * {@link SynchronousQueue} hand-off as the oneshot, the way a user of plain JDK 21+ would write it.
 */
public final class SyncJdkPeers {

    private SyncJdkPeers() {}

    private static final Object TOKEN = new Object();

    private static void run(ExecutorService vt, Runnable body) {
        try {
            vt.submit(body).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Blocking {
        void run() throws InterruptedException;
    }

    private static Runnable unchecked(Blocking b) {
        return () -> {
            try {
                b.run();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    public static void pingPong(ExecutorService vt, int n) {
        CountDownLatch done = new CountDownLatch(n);
        run(
                vt,
                unchecked(
                        () -> {
                            for (int i = 0; i < n; i++) {
                                vt.execute(
                                        unchecked(
                                                () -> {
                                                    SynchronousQueue<Object> ping =
                                                            new SynchronousQueue<>();
                                                    SynchronousQueue<Object> pong =
                                                            new SynchronousQueue<>();
                                                    vt.execute(
                                                            unchecked(
                                                                    () -> {
                                                                        ping.take();
                                                                        pong.put(TOKEN);
                                                                    }));
                                                    ping.put(TOKEN);
                                                    pong.take();
                                                    done.countDown();
                                                }));
                            }
                            done.await();
                        }));
    }

    /** A server thread answering requests from a bounded queue of 10; returns that queue. */
    public static BlockingQueue<SynchronousQueue<Object>> startServer(ExecutorService vt) {
        BlockingQueue<SynchronousQueue<Object>> requests = new ArrayBlockingQueue<>(10);
        vt.execute(
                () -> {
                    try {
                        while (true) {
                            requests.take().put(TOKEN);
                        }
                    } catch (InterruptedException e) {
                        // shut down
                    }
                });
        return requests;
    }

    public static void requestReply(
            ExecutorService vt, BlockingQueue<SynchronousQueue<Object>> requests, int n) {
        run(
                vt,
                unchecked(
                        () -> {
                            for (int i = 0; i < n; i++) {
                                SynchronousQueue<Object> reply = new SynchronousQueue<>();
                                requests.put(reply);
                                reply.take();
                            }
                        }));
    }

    /** {@code capacity} 0 means unbounded. */
    public static long mpsc(ExecutorService vt, int capacity, int producers, int perProducer) {
        return manyToOne(
                vt,
                capacity == 0 ? new LinkedBlockingQueue<>() : new ArrayBlockingQueue<>(capacity),
                producers,
                perProducer);
    }

    /** {@code producers} virtual threads put 0..perProducer-1 each into {@code q}; the sum taken. */
    public static long manyToOne(
            ExecutorService vt, BlockingQueue<Integer> q, int producers, int perProducer) {
        long[] sum = new long[1];
        run(
                vt,
                unchecked(
                        () -> {
                            for (int p = 0; p < producers; p++) {
                                vt.execute(
                                        unchecked(
                                                () -> {
                                                    for (int i = 0; i < perProducer; i++) {
                                                        q.put(i);
                                                    }
                                                }));
                            }
                            for (int i = 0; i < producers * perProducer; i++) {
                                sum[0] += q.take();
                            }
                        }));
        return sum[0];
    }
}
