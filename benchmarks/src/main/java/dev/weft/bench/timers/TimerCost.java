package dev.weft.bench.timers;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * {@link TimerBench}'s armed rows and floors timed by the arming thread's CPU time instead of
 * wall time, the minimum over many short batches (as {@code bench.sync.WaiterCost}): on a
 * shared, overloaded machine a wall-clock JMH iteration mostly measures how long the thread
 * waited for a core. The CPU time of other threads (the driving thread's readings and unparks) is
 * left out, as JMH's single-threaded rows leave it out. Run two builds of the runtime in
 * alternating processes and compare the minima: {@code java -cp benchmarks.jar
 * dev.weft.bench.timers.TimerCost [batches]}.
 */
public final class TimerCost {

    private TimerCost() {}

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Future<Integer> PENDING = cx -> Poll.pending();
    private static final int PER_BATCH = 20_000;
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private static final Object lock = new Object();
    private static long counter;

    interface Op {
        long run(Context cx);
    }

    static long nanoTime(Context cx) {
        long sum = 0;
        for (int i = 0; i < PER_BATCH; i++) {
            sum += System.nanoTime();
        }
        return sum;
    }

    static long twoLocks(Context cx) {
        for (int i = 0; i < PER_BATCH; i++) {
            synchronized (lock) {
                counter++;
            }
            synchronized (lock) {
                counter--;
            }
        }
        return counter;
    }

    static long armCancel(Context cx) {
        long pending = 0;
        try {
            for (int i = 0; i < PER_BATCH; i++) {
                Future<Integer> f = Async.timeout(SECOND, PENDING);
                if (!f.poll(cx).isReady()) {
                    pending++;
                }
                f.cancel();
            }
        } catch (TimeoutException e) {
            throw new AssertionError(e);
        }
        if (pending != PER_BATCH) {
            throw new AssertionError("only " + pending + " pending");
        }
        return pending;
    }

    /** ns per op: the CPU time of {@code op} on this thread over one batch. */
    static double time(Op op, Context cx) {
        long t0 = MX.getCurrentThreadCpuTime();
        op.run(cx);
        return (MX.getCurrentThreadCpuTime() - t0) / (double) PER_BATCH;
    }

    public static void main(String[] args) {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String[] names = {
            "floor System.nanoTime()",
            "floor two monitors",
            "armed+cancelled, plain thread",
            "armed+cancelled, in a task"
        };
        double[] best = new double[names.length];
        java.util.Arrays.fill(best, Double.MAX_VALUE);
        Context plain = Context.of(() -> {});
        try (AsyncRuntime rt =
                AsyncRuntime.builder().workers(1).threadNamePrefix("timer-cost-").build()) {
            for (int round = 0; round < batches; round++) {
                boolean measured = round >= batches / 4; // the first quarter warms up
                double[] ns = {
                    time(TimerCost::nanoTime, plain),
                    time(TimerCost::twoLocks, plain),
                    time(TimerCost::armCancel, plain),
                    rt.blockOn(rt.spawn(cx -> Poll.ready(time(TimerCost::armCancel, cx))))
                };
                for (int k = 0; k < ns.length && measured; k++) {
                    best[k] = Math.min(best[k], ns[k]);
                }
            }
        }
        for (int k = 0; k < names.length; k++) {
            System.out.printf(
                    java.util.Locale.ROOT,
                    "TIMERCOST %-32s %7.1f ns/op (min CPU time of %d batches of %d)%n",
                    names[k],
                    best[k],
                    batches - batches / 4,
                    PER_BATCH);
        }
    }
}
