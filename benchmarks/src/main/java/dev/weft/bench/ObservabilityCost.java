package dev.weft.bench;

import dev.weft.AsyncRuntime;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * What observing a runtime costs, measured as the process's CPU time per skynet as well as wall
 * time: on a machine shared with other builds (load far above its cores) wall time mostly
 * measures the neighbours, CPU time much less so. The modes named on the command line run
 * round-robin in one JVM, each on a fresh runtime from {@code AsyncRuntime.builder()} (so the
 * watchdog follows {@code -Dweft.slowPollMillis}), which also runs against an older runtime
 * jar: the baseline of a before/after.
 *
 * <pre>
 *   java -cp runtime.jar:benchmarks.jar dev.weft.bench.ObservabilityCost ROUNDS MODE...
 *   MODE: plain (no recording) | jfrDefault (JFR's default.jfc) | jfrWeft (default + weft.jfc)
 * </pre>
 * Once a JFR recording has run, the event classes stay instrumented: run the plain mode of a
 * before/after in a JVM without jfr modes.
 */
public final class ObservabilityCost {

    private ObservabilityCost() {}

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        List<String> modes = Arrays.asList(args).subList(1, args.length);
        int cores = Runtime.getRuntime().availableProcessors();
        var os =
                (com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<String, List<double[]>> samples = new HashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (String mode : modes) {
                Recording rec = recording(mode);
                try (AsyncRuntime rt = AsyncRuntime.builder().workers(cores).build()) {
                    for (int i = 0; i < 3; i++) {
                        WeftWorkloads.skynet(rt); // warm-up of this runtime
                    }
                    int n = 5;
                    long cpu0 = os.getProcessCpuTime();
                    long bytes0 = threads.getTotalThreadAllocatedBytes();
                    long t0 = System.nanoTime();
                    for (int i = 0; i < n; i++) {
                        if (WeftWorkloads.skynet(rt) != 499_999_500_000L) {
                            throw new AssertionError("skynet");
                        }
                    }
                    double wall = (System.nanoTime() - t0) / 1e6 / n;
                    double cpu = (os.getProcessCpuTime() - cpu0) / 1e6 / n;
                    // bytes per task, all threads: deterministic where time is not (an event
                    // object that escape analysis failed to remove would show here)
                    double perTask =
                            (threads.getTotalThreadAllocatedBytes() - bytes0)
                                    / (double) n
                                    / 1_111_111;
                    if (round > 0) { // round 0 warms the JIT for every mode
                        samples.computeIfAbsent(mode, k -> new ArrayList<>())
                                .add(new double[] {wall, cpu, perTask});
                    }
                } finally {
                    if (rec != null) {
                        rec.close();
                    }
                }
            }
        }
        System.out.printf(
                "%-12s %14s %14s %10s %s%n",
                "mode", "wall ms/op", "cpu ms/op", "B/task", "(medians of rounds)");
        for (String mode : modes) {
            List<double[]> s = samples.get(mode);
            System.out.printf(
                    "%-12s %14.1f %14.1f %10.1f  cpu per round: %s%n",
                    mode,
                    median(s, 0),
                    median(s, 1),
                    median(s, 2),
                    s.stream().map(d -> String.format("%.0f", d[1])).toList());
        }
    }

    private static double median(List<double[]> s, int i) {
        double[] v = s.stream().mapToDouble(d -> d[i]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static Recording recording(String mode) throws Exception {
        if (mode.equals("plain")) {
            return null;
        }
        Map<String, String> settings =
                new HashMap<>(Configuration.getConfiguration("default").getSettings());
        if (mode.equals("jfrWeft")) {
            try (Reader r =
                    new InputStreamReader(
                            AsyncRuntime.class.getResourceAsStream("weft.jfc"),
                            StandardCharsets.UTF_8)) {
                settings.putAll(Configuration.create(r).getSettings());
            }
        } else if (!mode.equals("jfrDefault")) {
            throw new IllegalArgumentException("mode: plain, jfrDefault or jfrWeft, not " + mode);
        }
        Recording rec = new Recording(settings);
        rec.setToDisk(true);
        rec.start();
        return rec;
    }
}
