package dev.weft.bench.stream;

import static dev.weft.Async.await;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.AsyncStream;
import dev.weft.Future;
import dev.weft.Generator;
import java.util.concurrent.Flow;
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
 * One JMH operation is one element of a stream of {@link #N}: a woven consumer
 * ({@code while (await(s.hasNext())) s.next()}) drains a woven async generator on the
 * current-thread runtime, so {@code gc.alloc.rate.norm} is bytes per element (the stream's state
 * object, the consumer's and the blockOn task are spread over N elements: about 0.1 B each).
 * {@code ready}: the generator awaits {@code Future.ready} between yields; {@code suspending}: it
 * awaits {@code Async.yieldNow()}, which is pending once and wakes the task (its future is 16 B).
 *
 * <p>Peers, same elements: a Kotlin cold {@code Flow} calling a suspend function between
 * emissions ({@code kotlinFlow*}, {@link StreamKotlinPeers}), and the JDK's
 * {@link SubmissionPublisher} with a subscriber that requests one item at a time, its consumer
 * tasks run on the submitting thread ({@code submissionPublisher}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-javaagent:agent/target/weft-agent.jar")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AsyncGeneratorBench {

    static final int N = 1_000;

    /** The elements: boxed once, so yielding them allocates nothing. */
    static final Integer[] ELEMENTS = new Integer[N];

    static final Future<Integer> READY = Future.ready(1);

    static {
        for (int i = 0; i < N; i++) {
            ELEMENTS[i] = 1_000_000 + i;
        }
    }

    private AsyncRuntime rt;

    @Setup(Level.Trial)
    public void start() {
        rt = AsyncRuntime.currentThread();
    }

    @TearDown(Level.Trial)
    public void stop() {
        rt.close();
    }

    static AsyncStream<Integer> readyGenerator(int n) {
        for (int i = 0; i < n; i++) {
            int step = await(READY);
            Generator.yield(ELEMENTS[i * step]);
        }
        return null;
    }

    static AsyncStream<Integer> suspendingGenerator(int n) {
        for (int i = 0; i < n; i++) {
            await(Async.yieldNow());
            Generator.yield(ELEMENTS[i]);
        }
        return null;
    }

    static Future<Long> sum(AsyncStream<Integer> s) {
        long total = 0;
        while (await(s.hasNext())) {
            total += s.next();
        }
        return Future.ready(total);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long ready() {
        return rt.blockOn(sum(readyGenerator(N)));
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long suspending() {
        return rt.blockOn(sum(suspendingGenerator(N)));
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long kotlinFlowReady() {
        return StreamKotlinPeers.ready(ELEMENTS);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long kotlinFlowSuspending() {
        return StreamKotlinPeers.suspending(ELEMENTS);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long submissionPublisher() {
        Summing sub = new Summing();
        try (SubmissionPublisher<Integer> pub = new SubmissionPublisher<>(Runnable::run, 16)) {
            pub.subscribe(sub);
            for (int i = 0; i < N; i++) {
                pub.submit(ELEMENTS[i]);
            }
        }
        return sub.total;
    }

    /** Requests one item at a time, as the async generator's consumer asks for one element at a time. */
    static final class Summing implements Flow.Subscriber<Integer> {
        long total;
        private Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(Integer item) {
            total += item;
            subscription.request(1);
        }

        @Override
        public void onError(Throwable t) {
            throw new AssertionError(t);
        }

        @Override
        public void onComplete() {}
    }
}
