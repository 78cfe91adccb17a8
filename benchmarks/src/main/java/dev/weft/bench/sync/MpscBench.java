package dev.weft.bench.sync;

import dev.weft.AsyncRuntime;
import dev.weft.bench.JdkPeers;
import dev.weft.bench.Workers;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Channel throughput under contention (Tokio's {@code benches/sync_mpsc.rs} contention_*):
 * 5 producer tasks send 1,000 values each into one channel that a single consumer drains, for
 * capacities 1, 100 and unbounded ({@code capacity = 0}). Peers: kotlinx Channel on
 * Dispatchers.Default; virtual threads with ArrayBlockingQueue (LinkedBlockingQueue unbounded).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MpscBench {

    public static final int PRODUCERS = 5;
    public static final int PER_PRODUCER = 1_000;

    /** Sum of 0..PER_PRODUCER-1 over all producers: what every peer must answer. */
    public static final long SUM = (long) PRODUCERS * PER_PRODUCER * (PER_PRODUCER - 1) / 2;

    /** Channel capacity; 0 = unbounded. */
    @Param({"1", "100", "0"})
    public int capacity;

    private final int cores = Workers.count();
    private AsyncRuntime weft;
    private ExecutorService virtual;

    @Setup(Level.Trial)
    public void start() {
        weft = AsyncRuntime.builder().workers(cores).threadNamePrefix("weft-bench-").build();
        virtual = JdkPeers.virtualThreads();
    }

    @TearDown(Level.Trial)
    public void stop() {
        weft.close();
        virtual.shutdownNow();
    }

    private static long check(long sum) {
        if (sum != SUM) {
            throw new AssertionError("mpsc summed " + sum);
        }
        return sum;
    }

    // ---- mpsc: 5 producers x 1,000 values into one consumer, capacity 1, 100, unbounded ----

    @Benchmark
    public long mpsc_weft() {
        return check(SyncWorkloads.mpsc(weft, capacity, PRODUCERS, PER_PRODUCER));
    }

    @Benchmark
    public long mpsc_kotlin() {
        return check(SyncKotlinPeers.mpsc(capacity, PRODUCERS, PER_PRODUCER));
    }

    @Benchmark
    public long mpsc_virtualThreads() {
        return check(SyncJdkPeers.mpsc(virtual, capacity, PRODUCERS, PER_PRODUCER));
    }
}
