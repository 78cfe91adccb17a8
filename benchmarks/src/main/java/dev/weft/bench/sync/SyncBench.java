package dev.weft.bench.sync;

import dev.weft.AsyncRuntime;
import dev.weft.bench.JdkPeers;
import dev.weft.bench.Workers;
import dev.weft.sync.Channel;
import dev.weft.sync.Oneshot;
import java.util.concurrent.BlockingQueue;
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
 * Tokio's sync benchmarks, weft side by side with Kotlin coroutines and virtual threads in one
 * run. Method names are {@code <workload>_<peer>}. weft runs on the work-stealing runtime with
 * one worker per core ({@code _weft}) and, where Tokio also measures it, on the current-thread
 * runtime ({@code _weftCurrentThread}); Kotlin on Dispatchers.Default; virtual threads on the
 * JDK's default scheduler. The mpsc rows are in {@link MpscBench}. Run both side by side with
 * {@code java -jar benchmarks/target/benchmarks.jar 'dev.weft.bench.sync' -f 1 -wi 3 -i 5}
 * (JDK 21+ for the virtual-thread peers); add {@code -prof gc} for bytes per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SyncBench {

    /** ping_pong tasks, and request_reply requests per operation. */
    public static final int N = 1_000;

    private final int cores = Workers.count();
    private AsyncRuntime weft;
    private AsyncRuntime weftCurrent;
    private ExecutorService virtual;
    private Channel<Oneshot<Void>> weftServer;
    private Channel<Oneshot<Void>> weftCurrentServer;
    private SyncKotlinPeers.Server kotlinServer;
    private BlockingQueue<SynchronousQueue<Object>> virtualServer;

    @Setup(Level.Trial)
    public void start() {
        weft = AsyncRuntime.builder().workers(cores).threadNamePrefix("weft-bench-").build();
        weftCurrent = AsyncRuntime.currentThread();
        virtual = JdkPeers.virtualThreads();
        weftServer = SyncWorkloads.startServer(weft);
        weftCurrentServer = SyncWorkloads.startServer(weftCurrent);
        kotlinServer = new SyncKotlinPeers.Server();
        virtualServer = SyncJdkPeers.startServer(virtual);
    }

    @TearDown(Level.Trial)
    public void stop() {
        weftServer.close();
        weftCurrentServer.close();
        kotlinServer.stop();
        weft.close();
        weftCurrent.close();
        virtual.shutdownNow();
    }

    // ---- ping_pong: 1,000 tasks, each exchanging two oneshot messages with a child ----

    @Benchmark
    public void pingPong_weft() {
        SyncWorkloads.pingPong(weft, N);
    }

    @Benchmark
    public void pingPong_weftCurrentThread() {
        SyncWorkloads.pingPong(weftCurrent, N);
    }

    @Benchmark
    public void pingPong_kotlin() {
        SyncKotlinPeers.pingPong(N);
    }

    @Benchmark
    public void pingPong_virtualThreads() {
        SyncJdkPeers.pingPong(virtual, N);
    }

    // ---- request_reply: 1,000 requests carrying a oneshot over a bounded channel of 10 ----

    @Benchmark
    public void requestReply_weft() {
        SyncWorkloads.requestReply(weft, weftServer, N);
    }

    @Benchmark
    public void requestReply_weftCurrentThread() {
        SyncWorkloads.requestReply(weftCurrent, weftCurrentServer, N);
    }

    @Benchmark
    public void requestReply_kotlin() {
        SyncKotlinPeers.requestReply(kotlinServer, N);
    }

    @Benchmark
    public void requestReply_virtualThreads() {
        SyncJdkPeers.requestReply(virtual, virtualServer, N);
    }
}
