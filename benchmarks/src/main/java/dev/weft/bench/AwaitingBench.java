package dev.weft.bench;

import dev.weft.AsyncRuntime;
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
 * skynet and yield_many written with {@code await} ({@link AwaitingWorkloads}), in a fork woven
 * by the agent (scripts/bench runs from the project root, where the relative path resolves).
 * Names {@code <workload>_weftAwait} put them in the same table rows as {@link SchedulerBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-javaagent:agent/target/weft-agent.jar")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AwaitingBench {

    private AsyncRuntime weft;

    @Setup(Level.Trial)
    public void start() {
        weft =
                AsyncRuntime.builder()
                        .workers(Workers.count())
                        .threadNamePrefix("weft-bench-")
                        .build();
    }

    @TearDown(Level.Trial)
    public void stop() {
        weft.close();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long skynet_weftAwait() {
        long sum = AwaitingWorkloads.skynet(weft);
        if (sum != SchedulerBench.SKYNET_SUM) {
            throw new AssertionError("skynet answered " + sum);
        }
        return sum;
    }

    @Benchmark
    public void yieldMany_weftAwait() {
        AwaitingWorkloads.yieldMany(weft, SchedulerBench.YIELD_TASKS, SchedulerBench.YIELDS);
    }
}
