package dev.weft.bench.traces;

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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One spawn + await round-trip, failing or not, with async stack traces on (the default) and
 * off ({@code -Dweft.asyncStackTraces=false}): the property is read once per JVM, so each
 * setting has its own fork. Run: {@code java -jar benchmarks/target/benchmarks.jar TraceBench -prof gc}
 * from the project root (the forks find the agent at agent/target/weft-agent.jar).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TraceBench {

    /** Round-trips per benchmark call, so blockOn's own hand-off is amortized. */
    static final int TRIPS = 1000;

    private static final String AGENT = "-javaagent:agent/target/weft-agent.jar";
    private static final String OFF = "-Dweft.asyncStackTraces=false";

    private AsyncRuntime rt;

    @Setup(Level.Trial)
    public void start() {
        rt = AsyncRuntime.builder().workers(1).threadNamePrefix("weft-bench-").build();
    }

    @TearDown(Level.Trial)
    public void stop() {
        rt.close();
    }

    private int run(boolean fail) {
        // spawned: parent and child share the one worker, so a round-trip is no cross-thread wake
        int failed = rt.blockOn(rt.spawn(TraceWorkloads.roundTrips(TRIPS, fail)));
        if (failed != (fail ? TRIPS : 0)) {
            throw new AssertionError(failed + " failed");
        }
        return failed;
    }

    @Benchmark
    @OperationsPerInvocation(TRIPS)
    @Fork(value = 1, jvmArgsAppend = AGENT)
    public int failing_tracesOn() {
        return run(true);
    }

    @Benchmark
    @OperationsPerInvocation(TRIPS)
    @Fork(
            value = 1,
            jvmArgsAppend = {AGENT, OFF})
    public int failing_tracesOff() {
        return run(true);
    }

    @Benchmark
    @OperationsPerInvocation(TRIPS)
    @Fork(value = 1, jvmArgsAppend = AGENT)
    public int succeeding_tracesOn() {
        return run(false);
    }

    @Benchmark
    @OperationsPerInvocation(TRIPS)
    @Fork(
            value = 1,
            jvmArgsAppend = {AGENT, OFF})
    public int succeeding_tracesOff() {
        return run(false);
    }
}
