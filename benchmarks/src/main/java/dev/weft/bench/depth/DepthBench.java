package dev.weft.bench.depth;

import dev.weft.AsyncRuntime;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Await depth, points (a) and (c) of issue 8: a chain of {@code depth} frames, three long
 * locals each.
 *
 * <ul>
 *   <li>{@code suspendResume_*}: one op = one suspend/wake/resume cycle of the whole chain. The
 *       innermost frame loops awaiting a reusable leaf that a partner (depth 1) signals, then
 *       signals the partner back; one op is one such round, so it also holds the partner's
 *       (depth-1) cycle, the same for every peer. All on one thread: weft's current-thread
 *       runtime, virtual threads on one carrier, Kotlin's runBlocking event loop.
 *   <li>{@code readyChain_*}: one op = awaiting an already-ready leaf through the whole chain,
 *       from a long-lived driver that suspends once per op (weft: polled by hand; Kotlin:
 *       resumed by hand, no dispatcher); {@code plainCalls} is the same chain as plain calls.
 *       Bytes per op (gc.alloc.rate.norm) are the point: the goal is 0.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-javaagent:agent/target/weft-agent.jar")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DepthBench {

    static final int ROUNDS = 1000;

    @Param({"1", "4", "16", "64", "256"})
    public int depth;

    private AsyncRuntime weft;
    private WeftChains.ReadyDriver weftReady;
    private KotlinChains.ReadyDriver kotlinReady;

    @Setup(Level.Trial)
    public void start() {
        weft = AsyncRuntime.currentThread();
        weftReady = new WeftChains.ReadyDriver(depth);
        kotlinReady = new KotlinChains.ReadyDriver(depth);
    }

    @TearDown(Level.Trial)
    public void stop() {
        weft.close();
    }

    private static long check(long r) {
        if (r < 0 || r > 63) { // every frame answers (a + b + c + v) & 63
            throw new AssertionError(r);
        }
        return r;
    }

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public long suspendResume_weft() {
        return check(WeftChains.pingPong(weft, depth, ROUNDS));
    }

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    @Fork(
            value = 1,
            jvmArgsAppend = {
                "-javaagent:agent/target/weft-agent.jar",
                "-Djdk.virtualThreadScheduler.parallelism=1",
                "-Djdk.virtualThreadScheduler.maxPoolSize=1"
            })
    public long suspendResume_virtualThreads() throws InterruptedException {
        return check(JdkChains.pingPong(depth, ROUNDS));
    }

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public long suspendResume_kotlin() {
        return check(KotlinChains.pingPong(depth, ROUNDS));
    }

    @Benchmark
    public long readyChain_weft() {
        return weftReady.step();
    }

    @Benchmark
    public long readyChain_kotlin() {
        return kotlinReady.step();
    }

    @Benchmark
    public long readyChain_plainCalls() {
        return JdkChains.plainChain(depth, 1);
    }
}
