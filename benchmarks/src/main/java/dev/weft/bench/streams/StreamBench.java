package dev.weft.bench.streams;

import dev.weft.AsyncRuntime;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
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

/**
 * Time and bytes per stream element (issue 17, point 2); one op = one element
 * ({@code @OperationsPerInvocation(N)}), so {@code gc.alloc.rate.norm} is bytes per element,
 * counted on every thread. Method names are {@code workload_peer}.
 *
 * <ul>
 *   <li>{@code readyChannel}: a woven consumer takes N elements that are already in a channel,
 *       through {@code Channel.stream()} (polled by hand, no runtime); peer: a cold Kotlin
 *       {@code flow { emit(x) }} collected in a plain suspend call.
 *   <li>{@code channelTasks}: a producer task sends N elements through a channel of capacity 16
 *       to a consumer task reading {@code Channel.stream()}, on weft's current-thread runtime;
 *       peer: kotlinx {@code Channel(16)} consumed as a Flow ({@code consumeAsFlow().collect})
 *       in {@code runBlocking}, one thread as well.
 *   <li>{@code fromPublisher}: a thread submits N elements to a {@code SubmissionPublisher}
 *       (buffer 256) consumed through {@code AsyncStream.from(publisher, 64)} by a woven consumer
 *       on the current-thread runtime; peer {@code jdk}: the same publisher to a plain Flow
 *       subscriber requesting 64 at a time.
 *   <li>{@code toPublisher}: a ready stream (a generator's stand-in) through
 *       {@code AsyncStream.toPublisher} to a plain Flow subscriber requesting 64 at a time, the
 *       emission task on a one-worker runtime.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-javaagent:agent/target/weft-agent.jar")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StreamBench {

    /** Elements per op invocation. */
    public static final int N = 10_000;

    static final long SUM = (long) N * (N - 1) / 2;

    static final int BATCH = 64;

    private AsyncRuntime currentThread;
    private AsyncRuntime oneWorker;
    private ExecutorService producer;
    private ExecutorService publisherPool;
    private StreamWorkloads.ReadyChannel readyChannel;

    @Setup(Level.Trial)
    public void start() {
        currentThread = AsyncRuntime.currentThread();
        oneWorker = AsyncRuntime.builder().workers(1).threadNamePrefix("weft-bench-").build();
        producer = Executors.newSingleThreadExecutor();
        publisherPool = Executors.newSingleThreadExecutor();
        readyChannel = new StreamWorkloads.ReadyChannel();
    }

    @TearDown(Level.Trial)
    public void stop() {
        currentThread.close();
        oneWorker.close();
        producer.shutdownNow();
        publisherPool.shutdownNow();
    }

    private static long check(long sum) {
        if (sum != SUM) {
            throw new AssertionError("summed " + sum);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long readyChannel_weft() {
        return check(readyChannel.op(N));
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long readyChannel_kotlin() {
        return check(KotlinStreams.readyFlow(StreamWorkloads.ELEMENTS));
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long channelTasks_weft() throws ClosedChannelException {
        return check(StreamWorkloads.channelTasks(currentThread, 16, N));
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long channelTasks_kotlin() {
        return check(KotlinStreams.channelFlow(StreamWorkloads.ELEMENTS, 16));
    }

    /** A SubmissionPublisher fed by the producer thread once its subscriber arrived. */
    private SubmissionPublisher<Integer> feeding() {
        SubmissionPublisher<Integer> p = new SubmissionPublisher<>(publisherPool, 256);
        producer.execute(
                () -> {
                    while (p.getNumberOfSubscribers() == 0) {
                        Thread.onSpinWait();
                    }
                    for (Integer x : StreamWorkloads.ELEMENTS) {
                        p.submit(x);
                    }
                    p.close();
                });
        return p;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long fromPublisher_weft() {
        return check(StreamWorkloads.fromPublisher(currentThread, feeding(), BATCH));
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long fromPublisher_jdk() throws InterruptedException {
        StreamWorkloads.SummingSubscriber sub = new StreamWorkloads.SummingSubscriber(BATCH);
        feeding().subscribe(sub);
        return check(sub.await());
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long toPublisher_weft() throws InterruptedException {
        return check(StreamWorkloads.toPublisher(oneWorker, N, BATCH));
    }
}
