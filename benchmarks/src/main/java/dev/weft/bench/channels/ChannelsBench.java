package dev.weft.bench.channels;

import dev.weft.AsyncRuntime;
import dev.weft.bench.JdkPeers;
import dev.weft.bench.sync.SyncJdkPeers;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
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
 * The channels of issue 17 side by side with their Kotlin counterparts in one run, weft on the
 * work-stealing runtime with one worker per core, Kotlin on Dispatchers.Default. Method names are
 * {@code <workload>_<peer>}.
 * <ul>
 *   <li><b>rendezvous</b>: 5 producers hand 1,000 values each to one consumer over a channel
 *       without buffer: weft {@code Channel.rendezvous()}, Kotlin {@code Channel(RENDEZVOUS)},
 *       virtual threads with a {@code SynchronousQueue}.
 *   <li><b>broadcast</b>: one sender, 4 receivers each get all 1,000 values: weft
 *       {@code Broadcast} of capacity 1,000, Kotlin {@code MutableSharedFlow(extraBufferCapacity
 *       = 1000)} with 4 collectors (both buffers hold every value: no lag, no suspension).
 *   <li><b>watch</b>: 1,000 change-notification round trips between two tasks over two watches:
 *       weft {@code Watch} ({@code changed()} then {@code get()}), Kotlin {@code MutableStateFlow}
 *       ({@code first { }}).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ChannelsBench {

    public static final int PRODUCERS = 5;
    public static final int PER_PRODUCER = 1_000;
    public static final int RECEIVERS = 4;
    public static final int N = 1_000;

    private final int cores = Runtime.getRuntime().availableProcessors();
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

    private static long check(long got, long expected, String what) {
        if (got != expected) {
            throw new AssertionError(what + ": " + got + ", expected " + expected);
        }
        return got;
    }

    private static final long RENDEZVOUS_SUM =
            (long) PRODUCERS * PER_PRODUCER * (PER_PRODUCER - 1) / 2;
    private static final long BROADCAST_SUM = (long) RECEIVERS * N * (N - 1) / 2;

    @Benchmark
    public long rendezvous_weft() {
        return check(
                ChannelsWorkloads.rendezvous(weft, PRODUCERS, PER_PRODUCER),
                RENDEZVOUS_SUM,
                "rendezvous");
    }

    @Benchmark
    public long rendezvous_kotlin() {
        return check(
                ChannelsKotlinPeers.rendezvous(PRODUCERS, PER_PRODUCER),
                RENDEZVOUS_SUM,
                "rendezvous");
    }

    @Benchmark
    public long rendezvous_virtualThreads() {
        return check(
                SyncJdkPeers.manyToOne(virtual, new SynchronousQueue<>(), PRODUCERS, PER_PRODUCER),
                RENDEZVOUS_SUM,
                "rendezvous");
    }

    @Benchmark
    public long broadcast_weft() {
        return check(ChannelsWorkloads.broadcast(weft, RECEIVERS, N), BROADCAST_SUM, "broadcast");
    }

    @Benchmark
    public long broadcast_kotlin() {
        return check(ChannelsKotlinPeers.broadcast(RECEIVERS, N), BROADCAST_SUM, "broadcast");
    }

    @Benchmark
    public long watch_weft() {
        return check(ChannelsWorkloads.watchPingPong(weft, N), N, "watch round trips");
    }

    @Benchmark
    public long watch_kotlin() {
        return check(ChannelsKotlinPeers.watchPingPong(N), N, "watch round trips");
    }
}
