package dev.weft.bench.timers;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.Waker;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One 1 s timeout created and cancelled per operation. Each invocation does it {@link #N} =
 * 1,000,000 times in a row (the "1,000,000 timeouts created and cancelled"), so time and
 * bytes are per timeout. Method names are {@code <workload>_<peer>}:
 *
 * <ul>
 *   <li>{@code readyTimeout}: the user-level cost of {@code Async.timeout(1 s, ready)}: create,
 *       poll once (the inner future is ready, so the timer is never armed) and cancel. Kotlin's
 *       {@code withTimeout(1 s) { ready }} always arms its timer, so it is in this row too.
 *   <li>{@code armedTimeout}: the wheel's cost: a timeout over a pending future, polled once so
 *       the timer is inserted into the wheel, then cancelled (removed). Netty's
 *       {@code newTimeout(...).cancel()} and STPE's {@code schedule(...).cancel(false)} (with
 *       {@code setRemoveOnCancelPolicy(true)}) are the same insert+cancel.
 *   <li>{@code armedTimeoutInTask}: the same, inside one poll of a task on a one-worker
 *       runtime, as a task's code runs: the timers wait in the worker's timer batch and reach
 *       the wheel when the poll ends, so one cancelled in the same poll costs neither a clock
 *       read nor the driver's lock (internal.time.TimerBatch). One invocation is one task
 *       (spawn and join amortised over the million).
 *   <li>{@code armedBulk}: 1,000,000 one-minute timers armed first, then all cancelled: inserts
 *       into and removals from a full wheel / heap / queue (a minute, not a second, because
 *       arming a million can take more than a second on this machine, and none may fire).
 * </ul>
 *
 * weft polls with a plain {@link Context} (no runtime), so its timers go to the shared fallback
 * driver: the same wheel and lock a runtime's driver has; the cost measured is the polling
 * thread's, as on a worker.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TimerBench {

    public static final int N = 1_000_000;
    private static final Duration SECOND = Duration.ofSeconds(1);

    /** The bulk rows arm a minute: arming 1,000,000 can take longer than a second here. */
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static final Waker NOOP = () -> {};
    private static final Future<Integer> READY = Future.ready(42);
    private static final Future<Integer> PENDING = cx -> Poll.pending();
    private static final TimerTask TASK = t -> {};
    private static final Runnable RUN = () -> {};

    private final Context cx = Context.of(NOOP);
    private HashedWheelTimer wheel;
    private ScheduledThreadPoolExecutor stpe;
    private final Object[] bulk = new Object[N];
    private AsyncRuntime runtime;

    @Setup(Level.Trial)
    public void start() {
        runtime = AsyncRuntime.builder().workers(1).threadNamePrefix("timer-bench-").build();
        // daemon threads: a cancelled-but-queued timer must not keep the fork alive
        wheel = new HashedWheelTimer(TimerBench::daemon);
        wheel.start();
        stpe = new ScheduledThreadPoolExecutor(1, TimerBench::daemon);
        stpe.setRemoveOnCancelPolicy(true);
    }

    @TearDown(Level.Trial)
    public void stop() {
        runtime.close();
        wheel.stop();
        stpe.shutdownNow();
    }

    // ---- readyTimeout: create, poll, cancel; the inner future is already ready ----

    @Benchmark
    @OperationsPerInvocation(N)
    public long readyTimeout_weft() throws TimeoutException {
        long sum = 0;
        for (int i = 0; i < N; i++) {
            Future<Integer> f = Async.timeout(SECOND, READY);
            Poll<Integer> p = f.poll(cx);
            f.cancel();
            sum += p.value();
        }
        return check(sum);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long readyTimeout_kotlin() {
        return check(KotlinTimers.withTimeoutReady(N));
    }

    /** The same, with the future escaping (stored, as a coroutine's state would): its allocation stays. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long readyTimeoutEscaping_weft(Blackhole bh) throws TimeoutException {
        long sum = 0;
        for (int i = 0; i < N; i++) {
            Future<Integer> f = Async.timeout(SECOND, READY);
            bh.consume(f);
            Poll<Integer> p = f.poll(cx);
            f.cancel();
            sum += p.value();
        }
        return check(sum);
    }

    // ---- floors: what an armed timer's insert+cancel cannot avoid on a locked wheel ----

    private final Object lock = new Object();
    private long counter;

    /** One System.nanoTime() (a deadline needs the time now). */
    @Benchmark
    @OperationsPerInvocation(N)
    public long floorNanoTime_weft() {
        long sum = 0;
        for (int i = 0; i < N; i++) {
            sum += System.nanoTime();
        }
        return sum;
    }

    /** Two uncontended monitor enter/exit pairs (insert, then remove, under the driver's lock). */
    @Benchmark
    @OperationsPerInvocation(N)
    public long floorTwoLocks_weft() {
        for (int i = 0; i < N; i++) {
            synchronized (lock) {
                counter++;
            }
            synchronized (lock) {
                counter--;
            }
        }
        return counter;
    }

    // ---- armedTimeout: the timer is inserted, then removed ----

    @Benchmark
    @OperationsPerInvocation(N)
    public int armedTimeout_weft() {
        return armAndCancel(cx);
    }

    /** N timeouts armed (polled once) and cancelled under {@code cx}; checks none was ready. */
    private static int armAndCancel(Context cx) {
        int pending = 0;
        try {
            for (int i = 0; i < N; i++) {
                Future<Integer> f = Async.timeout(SECOND, PENDING);
                if (!f.poll(cx).isReady()) {
                    pending++;
                }
                f.cancel();
            }
        } catch (TimeoutException e) { // declared for the await's sake; creating one never throws
            throw new AssertionError(e);
        }
        return checkCount(pending);
    }

    /** The armedTimeout_weft loop as one task's poll on a worker. */
    private static final Future<Integer> ARM_CANCEL_IN_ONE_POLL =
            cx -> Poll.ready(armAndCancel(cx));

    @Benchmark
    @OperationsPerInvocation(N)
    public int armedTimeoutInTask_weft() {
        return runtime.blockOn(runtime.spawn(ARM_CANCEL_IN_ONE_POLL));
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public int armedTimeout_netty() {
        int n = 0;
        for (int i = 0; i < N; i++) {
            Timeout t = wheel.newTimeout(TASK, 1, TimeUnit.SECONDS);
            if (t.cancel()) {
                n++;
            }
        }
        return checkCount(n);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public int armedTimeout_stpe() {
        int n = 0;
        for (int i = 0; i < N; i++) {
            ScheduledFuture<?> f = stpe.schedule(RUN, 1, TimeUnit.SECONDS);
            if (f.cancel(false)) {
                n++;
            }
        }
        return checkCount(n);
    }

    // ---- armedBulk: 1,000,000 armed, then 1,000,000 cancelled ----

    @Benchmark
    @OperationsPerInvocation(N)
    @SuppressWarnings("unchecked")
    public int armedBulk_weft() throws TimeoutException {
        for (int i = 0; i < N; i++) {
            Future<Integer> f = Async.timeout(MINUTE, PENDING);
            f.poll(cx);
            bulk[i] = f;
        }
        for (int i = 0; i < N; i++) {
            ((Future<Integer>) bulk[i]).cancel();
            bulk[i] = null;
        }
        return N;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public int armedBulk_netty() {
        for (int i = 0; i < N; i++) {
            bulk[i] = wheel.newTimeout(TASK, 1, TimeUnit.MINUTES);
        }
        int n = 0;
        for (int i = 0; i < N; i++) {
            if (((Timeout) bulk[i]).cancel()) {
                n++;
            }
            bulk[i] = null;
        }
        return checkCount(n);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public int armedBulk_stpe() {
        for (int i = 0; i < N; i++) {
            bulk[i] = stpe.schedule(RUN, 1, TimeUnit.MINUTES);
        }
        int n = 0;
        for (int i = 0; i < N; i++) {
            if (((ScheduledFuture<?>) bulk[i]).cancel(false)) {
                n++;
            }
            bulk[i] = null;
        }
        return checkCount(n);
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "timer-peer");
        t.setDaemon(true);
        return t;
    }

    private static long check(long sum) {
        if (sum != 42L * N) {
            throw new AssertionError("sum " + sum);
        }
        return sum;
    }

    private static int checkCount(int n) {
        if (n != N) {
            throw new AssertionError("only " + n + " of " + N + " timers were pending/cancelled");
        }
        return n;
    }
}
