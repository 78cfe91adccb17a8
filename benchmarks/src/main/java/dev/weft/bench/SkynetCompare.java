package dev.weft.bench;

import dev.weft.AsyncRuntime;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;

/**
 * skynet (1,111,111 tasks) in several models side by side in one JVM, interleaved round by
 * round, reporting the process's CPU time, the wall time and the bytes allocated per task (all
 * threads): on a machine shared with other builds, CPU time and bytes are what stays
 * comparable. Run it with the agent so that {@code woven} is the woven await version:
 *
 * <pre>
 *   java -javaagent:agent/target/weft-agent.jar -cp benchmarks/target/benchmarks.jar \
 *       dev.weft.bench.SkynetCompare ROUNDS REPS MODE...
 *   MODE: weft (hand-written futures) | woven (await, woven) | fjp (RecursiveTask fork/join)
 *       | kotlin (coroutines on Dispatchers.Default) | vt (virtual threads)
 * </pre>
 * Round 0 warms every mode up and is not counted; each later round runs every mode REPS times
 * in the order given. Prints per mode the median of the rounds (and the least CPU time of a
 * round), and the ratio of the medians to {@code woven}'s: compare yield_many's two modes with
 * each other, not with {@code woven}.
 */
public final class SkynetCompare {

    private SkynetCompare() {}

    private static final long SUM = 499_999_500_000L;
    private static final double TASKS = 1_111_111;
    private static final int YIELD_TASKS = 200;
    private static final int YIELDS = 1_000;

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int reps = Integer.parseInt(args[1]);
        List<String> modes = Arrays.asList(args).subList(2, args.length);
        int cores = Workers.count();
        var os =
                (com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<String, List<double[]>> samples = new HashMap<>();
        try (AsyncRuntime rt = AsyncRuntime.builder().workers(cores).build()) {
            ForkJoinPool pool = new ForkJoinPool(cores);
            ExecutorService vt = JdkPeers.virtualThreads();
            for (int round = 0; round <= rounds; round++) {
                for (String mode : modes) {
                    long cpu0 = os.getProcessCpuTime();
                    long bytes0 = threads.getTotalThreadAllocatedBytes();
                    long t0 = System.nanoTime();
                    // yield_many is ~50 times shorter than skynet: more of it per sample
                    int n = mode.startsWith("yield") ? reps * 10 : reps;
                    for (int i = 0; i < n; i++) {
                        if (mode.startsWith("yield")) {
                            if (mode.equals("yieldWoven")) {
                                AwaitingWorkloads.yieldMany(rt, YIELD_TASKS, YIELDS);
                            } else {
                                WeftWorkloads.yieldMany(rt, YIELD_TASKS, YIELDS);
                            }
                            continue;
                        }
                        long r =
                                switch (mode) {
                                    case "weft" -> WeftWorkloads.skynet(rt);
                                    case "woven" -> AwaitingWorkloads.skynet(rt);
                                    case "fjp" -> JdkPeers.skynetForkJoin(pool);
                                    case "kotlin" -> KotlinPeers.skynet();
                                    case "vt" -> JdkPeers.skynetVirtual(vt, 0, 1_000_000);
                                    default -> throw new IllegalArgumentException(mode);
                                };
                        if (r != SUM) {
                            throw new AssertionError(mode + ": " + r);
                        }
                    }
                    double wall = (System.nanoTime() - t0) / 1e6 / n;
                    double cpu = (os.getProcessCpuTime() - cpu0) / 1e6 / n;
                    double units = mode.startsWith("yield") ? YIELD_TASKS * YIELDS : TASKS;
                    double perTask =
                            (threads.getTotalThreadAllocatedBytes() - bytes0) / (double) n / units;
                    if (round > 0) {
                        samples.computeIfAbsent(mode, k -> new ArrayList<>())
                                .add(new double[] {wall, cpu, perTask});
                    }
                }
            }
            pool.shutdown();
            vt.shutdown();
        }
        double wovenCpu =
                samples.containsKey("woven") ? median(samples.get("woven"), 1) : Double.NaN;
        double wovenWall =
                samples.containsKey("woven") ? median(samples.get("woven"), 0) : Double.NaN;
        System.out.printf(
                "%-10s %10s %10s %10s %9s %12s %12s  %s%n",
                "mode",
                "wall ms",
                "cpu ms",
                "min cpu",
                "B/unit",
                "wall/woven",
                "cpu/woven",
                "cpu per round");
        for (String mode : modes) {
            List<double[]> s = samples.get(mode);
            System.out.printf(
                    "%-10s %10.1f %10.1f %10.1f %9.1f %12.2f %12.2f  %s%n",
                    mode,
                    median(s, 0),
                    median(s, 1),
                    s.stream().mapToDouble(d -> d[1]).min().orElse(Double.NaN),
                    median(s, 2),
                    median(s, 0) / wovenWall,
                    median(s, 1) / wovenCpu,
                    s.stream().map(d -> String.format("%.0f", d[1])).toList());
        }
    }

    private static double median(List<double[]> s, int i) {
        double[] v = s.stream().mapToDouble(d -> d[i]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
