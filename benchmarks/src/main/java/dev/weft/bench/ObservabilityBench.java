package dev.weft.bench;

import dev.weft.AsyncRuntime;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
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
 * What observing a runtime costs (issue 16): skynet (1,111,111 tasks) with the slow-poll watchdog
 * off and on, and with a JFR recording running: JFR's default settings (weft's per-task events
 * stay off) and default plus weft.jfc (every weft event on, a stack trace per spawn). Each fork
 * runs one mode; compare the rows of one run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ObservabilityBench {

    /** plain: no watchdog, no recording; watchdog: the default runtime; jfr*: watchdog + a recording. */
    @Param({"plain", "watchdog", "jfrDefault", "jfrWeft"})
    public String mode;

    private AsyncRuntime weft;
    private Recording recording;

    @Setup(Level.Trial)
    public void start() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        AsyncRuntime.Builder b =
                AsyncRuntime.builder().workers(cores).threadNamePrefix("weft-bench-");
        if (mode.equals("plain")) {
            b.slowPollThreshold(Duration.ZERO);
        }
        weft = b.build();
        if (mode.startsWith("jfr")) {
            Map<String, String> settings =
                    new HashMap<>(Configuration.getConfiguration("default").getSettings());
            if (mode.equals("jfrWeft")) {
                try (Reader r =
                        new InputStreamReader(
                                AsyncRuntime.class.getResourceAsStream("weft.jfc"),
                                StandardCharsets.UTF_8)) {
                    settings.putAll(Configuration.create(r).getSettings());
                }
            }
            recording = new Recording(settings);
            recording.setToDisk(true);
            recording.start();
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (recording != null) {
            recording.close();
        }
        weft.close();
    }

    @Benchmark
    public long skynet() {
        long sum = WeftWorkloads.skynet(weft);
        if (sum != SchedulerBench.SKYNET_SUM) {
            throw new AssertionError("skynet answered " + sum);
        }
        return sum;
    }
}
