package dev.weft.bench.seed;

import dev.weft.AsyncRuntime;
import dev.weft.bench.JdkPeers;
import dev.weft.bench.Workers;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * skynet in the seed's four models, one JMH run. Method names {@code <workload>_<peer>}:
 * {@code skynet} has 1,000,000 leaves (1,111,111 tasks) — too many platform threads for this
 * machine, so that model is measured on {@code skynet10k}, 10,000 leaves (11,111 tasks, one
 * platform thread each), where the other models run too; the section compares per task.
 * weft runs both hand-written ({@code weft}) and written with {@code await} and woven by the
 * agent this fork runs with ({@code weftAwait}). CompletableFuture stages run on a
 * ForkJoinPool of one thread per core, weft on one worker per core, virtual threads on the
 * default scheduler (one carrier per core).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-javaagent:agent/target/weft-agent.jar")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SeedBench {

    public static final int BIG = 1_000_000;
    public static final int SMALL = 10_000;

    private final int cores = Workers.count();
    private AsyncRuntime weft;
    private ExecutorService virtual;
    private ForkJoinPool pool;

    @Setup(Level.Trial)
    public void start() {
        weft = AsyncRuntime.builder().workers(cores).threadNamePrefix("weft-seed-").build();
        virtual = JdkPeers.virtualThreads();
        pool = new ForkJoinPool(cores);
    }

    @TearDown(Level.Trial)
    public void stop() {
        weft.close();
        virtual.shutdown();
        pool.shutdown();
    }

    private static long check(long sum, int leaves) {
        if (sum != SeedWorkloads.sum(leaves)) {
            throw new AssertionError("skynet of " + leaves + " answered " + sum);
        }
        return sum;
    }

    // ---- 1,000,000 leaves ----

    @Benchmark
    public long skynet_weft() {
        return check(SeedWorkloads.weft(weft, BIG), BIG);
    }

    @Benchmark
    public long skynet_weftAwait() {
        return check(SeedWorkloads.weftAwait(weft, BIG), BIG);
    }

    @Benchmark
    public long skynet_virtualThreads() throws Exception {
        return check(virtual.submit(() -> JdkPeers.skynetVirtual(virtual, 0, BIG)).get(), BIG);
    }

    @Benchmark
    public long skynet_completableFuture() {
        return check(JdkPeers.skynetCompletable(pool, 0, BIG).join(), BIG);
    }

    // ---- 10,000 leaves: every model, platform threads included ----

    @Benchmark
    public long skynet10k_weft() {
        return check(SeedWorkloads.weft(weft, SMALL), SMALL);
    }

    @Benchmark
    public long skynet10k_weftAwait() {
        return check(SeedWorkloads.weftAwait(weft, SMALL), SMALL);
    }

    @Benchmark
    public long skynet10k_virtualThreads() throws Exception {
        return check(virtual.submit(() -> JdkPeers.skynetVirtual(virtual, 0, SMALL)).get(), SMALL);
    }

    @Benchmark
    public long skynet10k_completableFuture() {
        return check(JdkPeers.skynetCompletable(pool, 0, SMALL).join(), SMALL);
    }

    @Benchmark
    public long skynet10k_platformThreads() throws InterruptedException {
        return check(SeedWorkloads.platformThreads(SMALL), SMALL);
    }
}
