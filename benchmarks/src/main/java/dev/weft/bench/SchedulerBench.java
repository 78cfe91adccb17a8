package dev.weft.bench;

import dev.weft.AsyncRuntime;
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
 * Tokio's scheduler benchmarks, weft side by side with its peers in one run. Method names are
 * {@code <workload>_<peer>}; scripts/bench turns them into the table of docs/benchmarks.md.
 * Every executor gets one thread per core, or {@link Workers#count()} with
 * {@code -Dweft.bench.workers=N} (weft workers, ForkJoinPool parallelism; the virtual thread
 * scheduler and Dispatchers.Default take it from the flags {@code benchmarks/run/scaling} adds),
 * created once per trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SchedulerBench {

    /** Tasks in one skynet (10^0 + ... + 10^6); its answer is {@link #SKYNET_SUM}. */
    public static final int SKYNET_TASKS = 1_111_111;

    public static final long SKYNET_SUM = 499_999_500_000L;
    public static final int SPAWN_MANY = 10_000;
    public static final int CHAIN = 1_000;
    public static final int YIELD_TASKS = 200;
    public static final int YIELDS = 1_000;

    private final int cores = Workers.count();
    private AsyncRuntime weft;
    private ExecutorService virtual;
    private ForkJoinPool pool;

    @Setup(Level.Trial)
    public void start() {
        weft = AsyncRuntime.builder().workers(cores).threadNamePrefix("weft-bench-").build();
        virtual = JdkPeers.virtualThreads();
        pool = new ForkJoinPool(cores);
    }

    @TearDown(Level.Trial)
    public void stop() {
        weft.close();
        virtual.shutdown();
        pool.shutdown();
    }

    private static long check(long sum) {
        if (sum != SKYNET_SUM) {
            throw new AssertionError("skynet answered " + sum);
        }
        return sum;
    }

    // ---- skynet: 1,111,111 tasks ----

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long skynet_weft() {
        return check(WeftWorkloads.skynet(weft));
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long skynet_virtualThreads() throws Exception {
        return check(virtual.submit(() -> JdkPeers.skynetVirtual(virtual, 0, 1_000_000)).get());
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long skynet_forkJoin() {
        return check(JdkPeers.skynetForkJoin(pool));
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long skynet_completableFuture() {
        return check(JdkPeers.skynetCompletable(pool, 0, 1_000_000).join());
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long skynet_kotlin() {
        return check(KotlinPeers.skynet());
    }

    // ---- spawn_many: 10,000 no-op tasks, from a worker and from an outside thread ----

    @Benchmark
    public void spawnManyFromWorker_weft() {
        WeftWorkloads.spawnManyFromWorker(weft, SPAWN_MANY);
    }

    @Benchmark
    public void spawnManyFromOutside_weft() {
        WeftWorkloads.spawnManyFromOutside(weft, SPAWN_MANY);
    }

    @Benchmark
    public void spawnManyFromWorker_virtualThreads() {
        JdkPeers.spawnManyInside(virtual, SPAWN_MANY);
    }

    @Benchmark
    public void spawnManyFromOutside_virtualThreads() {
        JdkPeers.spawnMany(virtual, SPAWN_MANY);
    }

    @Benchmark
    public void spawnManyFromWorker_forkJoin() {
        JdkPeers.spawnManyInside(pool, SPAWN_MANY);
    }

    @Benchmark
    public void spawnManyFromOutside_forkJoin() {
        JdkPeers.spawnMany(pool, SPAWN_MANY);
    }

    @Benchmark
    public void spawnManyFromOutside_completableFuture() {
        JdkPeers.spawnManyCompletable(pool, SPAWN_MANY);
    }

    @Benchmark
    public void spawnManyFromWorker_kotlin() {
        KotlinPeers.spawnManyFromWorker(SPAWN_MANY);
    }

    @Benchmark
    public void spawnManyFromOutside_kotlin() {
        KotlinPeers.spawnManyFromOutside(SPAWN_MANY);
    }

    // ---- chained_spawn: a chain of 1,000 tasks, each spawning the next ----

    @Benchmark
    public void chainedSpawn_weft() {
        WeftWorkloads.chainedSpawn(weft, CHAIN);
    }

    @Benchmark
    public void chainedSpawn_virtualThreads() {
        JdkPeers.chainedSpawn(virtual, CHAIN);
    }

    @Benchmark
    public void chainedSpawn_forkJoin() {
        JdkPeers.chainedSpawn(pool, CHAIN);
    }

    @Benchmark
    public void chainedSpawn_completableFuture() {
        JdkPeers.chainedSpawnCompletable(pool, CHAIN);
    }

    @Benchmark
    public void chainedSpawn_kotlin() {
        KotlinPeers.chainedSpawn(CHAIN);
    }

    // ---- yield_many: 200 tasks x 1,000 yields ----

    @Benchmark
    public void yieldMany_weft() {
        WeftWorkloads.yieldMany(weft, YIELD_TASKS, YIELDS);
    }

    @Benchmark
    public void yieldMany_virtualThreads() {
        JdkPeers.yieldManyVirtual(virtual, YIELD_TASKS, YIELDS);
    }

    @Benchmark
    public void yieldMany_forkJoin() {
        JdkPeers.yieldManyForkJoin(pool, YIELD_TASKS, YIELDS);
    }

    @Benchmark
    public void yieldMany_completableFuture() {
        JdkPeers.yieldManyCompletable(pool, YIELD_TASKS, YIELDS);
    }

    @Benchmark
    public void yieldMany_kotlin() {
        KotlinPeers.yieldMany(YIELD_TASKS, YIELDS);
    }
}
