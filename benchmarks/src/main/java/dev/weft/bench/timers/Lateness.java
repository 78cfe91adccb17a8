package dev.weft.bench.timers;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.Waker;
import dev.weft.bench.WeftWorkloads.Countdown;
import dev.weft.internal.context.Contexts;
import io.netty.util.HashedWheelTimer;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Sleep lateness: {@link #SLEEPS} sleeps of uniformly random whole 1–100 ms (one fixed sequence
 * for every peer), all started together; each records {@code wake - (its start + its delay)}.
 * Peers: weft {@code Async.sleep} in tasks on a runtime (one worker per core), Netty's
 * {@code HashedWheelTimer} with its default 100 ms tick and with a 1 ms tick, a one-thread
 * {@code ScheduledThreadPoolExecutor}, Kotlin {@code delay} on {@code Dispatchers.Default}.
 * The lateness includes getting the wake-up to run (a weft task is woken then scheduled on a
 * worker; a Netty/STPE task runs on the timer thread itself).
 *
 * <p>Rounds: one warm-up round per peer, then {@code ROUNDS} measured rounds, peers interleaved
 * within each round (args: rounds, then optionally a comma-separated list of peer names). Prints one JSON object per (peer, round) line, prefixed "LATENESS ".
 */
public final class Lateness {

    static final int SLEEPS = 100_000;

    private Lateness() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int[] delays = new int[SLEEPS];
        Random r = new Random(8);
        for (int i = 0; i < SLEEPS; i++) {
            delays[i] = 1 + r.nextInt(100);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        AsyncRuntime weft =
                AsyncRuntime.builder().workers(cores).threadNamePrefix("weft-late-").build();
        HashedWheelTimer netty100 = new HashedWheelTimer();
        HashedWheelTimer netty1 = new HashedWheelTimer(1, TimeUnit.MILLISECONDS);
        ScheduledThreadPoolExecutor stpe = new ScheduledThreadPoolExecutor(1);
        netty100.start();
        netty1.start();
        List<Peer> all =
                List.of(
                        new Peer("weft", 1, late -> weft(weft, delays, late)),
                        new Peer("weft-timer-thread", 1, late -> weftTimerThread(delays, late)),
                        new Peer("weft-split", 1, late -> weftSplit(weft, delays, late)),
                        new Peer("netty-hwt-100ms", 100, late -> netty(netty100, delays, late)),
                        new Peer("netty-hwt-1ms", 1, late -> netty(netty1, delays, late)),
                        new Peer("stpe", 0, late -> stpe(stpe, delays, late)),
                        new Peer("kotlin-delay", 1, late -> KotlinTimers.delays(delays, late)));
        List<String> only = args.length > 1 ? List.of(args[1].split(",")) : null;
        List<Peer> peers = all.stream().filter(p -> only == null || only.contains(p.name)).toList();
        try {
            for (int round = 0; round <= rounds; round++) {
                for (Peer p : peers) {
                    long[] late = new long[SLEEPS];
                    java.util.Arrays.fill(late, Long.MIN_VALUE);
                    System.gc();
                    long t0 = System.nanoTime();
                    p.run.run(late);
                    long wall = System.nanoTime() - t0;
                    if (round == 0) {
                        continue; // warm-up
                    }
                    String line = json(p, round, late, wall);
                    if (p.name.equals("weft-split")) {
                        line = line.substring(0, line.length() - 1) + split(late);
                    }
                    System.out.println("LATENESS " + line);
                }
            }
        } finally {
            weft.close();
            netty100.stop();
            netty1.stop();
            stpe.shutdownNow();
        }
    }

    record Peer(String name, int tickMs, Body run) {}

    @FunctionalInterface
    interface Body {
        void run(long[] late) throws Exception;
    }

    static String json(Peer p, int round, long[] late, long wallNanos) {
        Histogram h = new Histogram(3_600_000_000_000L, 3);
        long early = 0;
        for (long l : late) {
            if (l == Long.MIN_VALUE) {
                throw new AssertionError(p.name + ": a sleep never woke");
            }
            if (l < 0) {
                early++;
            }
            h.recordValue(Math.max(0, l));
        }
        return String.format(
                java.util.Locale.ROOT,
                "{\"peer\": \"%s\", \"tick_ms\": %d, \"round\": %d, \"count\": %d, \"early\": %d, "
                        + "\"p50_us\": %.1f, \"p99_us\": %.1f, \"p999_us\": %.1f, \"max_us\": %.1f, "
                        + "\"mean_us\": %.1f, \"wall_ms\": %.1f}",
                p.name,
                p.tickMs,
                round,
                h.getTotalCount(),
                early,
                h.getValueAtPercentile(50) / 1e3,
                h.getValueAtPercentile(99) / 1e3,
                h.getValueAtPercentile(99.9) / 1e3,
                h.getMaxValue() / 1e3,
                h.getMean() / 1e3,
                wallNanos / 1e6);
    }

    /**
     * A task that sleeps once and records its lateness; counts down when done. When
     * {@code split}, its sleep is polled with a waker that first records when it was called
     * (weft-split: the timer's lateness apart from the wait for a worker).
     */
    static final class Sleeper implements Future<Void> {
        private final int index;
        private final int delayMs;
        private final long[] late;
        private final Countdown done;
        private final boolean split;
        private Future<Void> sleep;
        private long start;
        private Context inner;

        Sleeper(int index, int delayMs, long[] late, Countdown done, boolean split) {
            this.index = index;
            this.delayMs = delayMs;
            this.late = late;
            this.done = done;
            this.split = split;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            if (sleep == null) {
                start = System.nanoTime();
                sleep = Async.sleep(Duration.ofMillis(delayMs));
                if (split) {
                    Waker real = cx.waker();
                    inner =
                            Contexts.withWaker(
                                    cx,
                                    () -> {
                                        fired[index] =
                                                System.nanoTime() - start - delayMs * 1_000_000L;
                                        pollsAtWake[index] = polls.get();
                                        real.wake();
                                    });
                }
            }
            if (split) {
                polls.incrementAndGet();
            }
            if (!sleep.poll(split ? inner : cx).isReady()) {
                return Poll.pending();
            }
            late[index] = System.nanoTime() - start - delayMs * 1_000_000L;
            if (split) {
                pollsAtWake[index] = polls.get() - pollsAtWake[index] - 1;
            }
            done.done();
            return Poll.ready(null);
        }
    }

    /** weft-split: when each sleep's waker ran, relative to its deadline (set by a split Sleeper). */
    private static long[] fired;

    /**
     * weft-split: sleeper polls counted at each wake, then replaced by the number of other
     * sleeper polls between the wake and the woken poll (a queue position, unlike a time mostly
     * independent of how much CPU the other processes on the machine leave).
     */
    private static long[] pollsAtWake;

    /** weft-split: sleeper polls so far (every poll of every split Sleeper). */
    private static final java.util.concurrent.atomic.AtomicLong polls =
            new java.util.concurrent.atomic.AtomicLong();

    /**
     * The weft row split in two (diagnosis; the sum is the lateness): the timer's own lateness
     * (waker called - deadline, which includes rounding up to the next whole tick), and the
     * woken task's wait for a worker (polled - waker called).
     */
    static String split(long[] late) {
        Histogram fire = new Histogram(3_600_000_000_000L, 3);
        Histogram run = new Histogram(3_600_000_000_000L, 3);
        Histogram queued = new Histogram(3_600_000_000_000L, 3);
        for (int i = 0; i < late.length; i++) {
            fire.recordValue(Math.max(0, fired[i]));
            run.recordValue(Math.max(0, late[i] - fired[i]));
            queued.recordValue(Math.max(0, pollsAtWake[i]));
        }
        return String.format(
                java.util.Locale.ROOT,
                ", \"fire_p50_us\": %.1f, \"fire_p99_us\": %.1f, \"fire_p999_us\": %.1f, "
                        + "\"run_p50_us\": %.1f, \"run_p99_us\": %.1f, \"run_p999_us\": %.1f, "
                        + "\"polls_between_p50\": %d, \"polls_between_p99\": %d}",
                fire.getValueAtPercentile(50) / 1e3,
                fire.getValueAtPercentile(99) / 1e3,
                fire.getValueAtPercentile(99.9) / 1e3,
                run.getValueAtPercentile(50) / 1e3,
                run.getValueAtPercentile(99) / 1e3,
                run.getValueAtPercentile(99.9) / 1e3,
                queued.getValueAtPercentile(50),
                queued.getValueAtPercentile(99));
    }

    static void weftSplit(AsyncRuntime rt, int[] delays, long[] late) {
        fired = new long[delays.length];
        pollsAtWake = new long[delays.length];
        Countdown done = new Countdown(delays.length);
        for (int i = 0; i < delays.length; i++) {
            rt.spawn(new Sleeper(i, delays[i], late, done, true));
        }
        rt.blockOn(done);
    }

    static void weft(AsyncRuntime rt, int[] delays, long[] late) {
        Countdown done = new Countdown(delays.length);
        for (int i = 0; i < delays.length; i++) {
            rt.spawn(new Sleeper(i, delays[i], late, done, false));
        }
        rt.blockOn(done);
    }

    /**
     * The timer alone: each sleep is polled once from this thread with a context whose waker
     * records the lateness on the driving thread itself (the fallback timer thread), as Netty's
     * and STPE's tasks run on their timer thread; no task is scheduled.
     */
    static void weftTimerThread(int[] delays, long[] late) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(delays.length);
        for (int i = 0; i < delays.length; i++) {
            int index = i;
            long d = delays[i];
            long start = System.nanoTime();
            Future<Void> sleep = Async.sleep(Duration.ofMillis(d));
            Waker w =
                    () -> {
                        late[index] = System.nanoTime() - start - d * 1_000_000L;
                        done.countDown();
                    };
            if (sleep.poll(Context.of(w)).isReady()) {
                // its deadline passed before it reached the wheel (this thread was descheduled
                // between reading the clock and inserting): a legitimate, late completion
                w.wake();
            }
        }
        done.await();
    }

    static void netty(HashedWheelTimer timer, int[] delays, long[] late)
            throws InterruptedException {
        CountDownLatch done = new CountDownLatch(delays.length);
        for (int i = 0; i < delays.length; i++) {
            int index = i;
            long d = delays[i];
            long start = System.nanoTime();
            timer.newTimeout(
                    t -> {
                        late[index] = System.nanoTime() - start - d * 1_000_000L;
                        done.countDown();
                    },
                    d,
                    TimeUnit.MILLISECONDS);
        }
        done.await();
    }

    static void stpe(ScheduledThreadPoolExecutor ex, int[] delays, long[] late)
            throws InterruptedException {
        CountDownLatch done = new CountDownLatch(delays.length);
        for (int i = 0; i < delays.length; i++) {
            int index = i;
            long d = delays[i];
            long start = System.nanoTime();
            ex.schedule(
                    () -> {
                        late[index] = System.nanoTime() - start - d * 1_000_000L;
                        done.countDown();
                    },
                    d,
                    TimeUnit.MILLISECONDS);
        }
        done.await();
    }
}
