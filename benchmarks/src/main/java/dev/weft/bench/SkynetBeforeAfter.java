package dev.weft.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

/**
 * Woven skynet on two (or more) builds of the runtime in one JVM, rounds interleaved, with
 * ForkJoinPool as the yardstick: each runtime jar gets a class loader of its own holding that jar
 * and this benchmarks jar, so the agent weaves {@link AwaitingWorkloads} once per loader and each
 * copy calls its own runtime. On a shared machine a before/after in separate JVMs measures the
 * neighbours as much as the change; interleaved in one JVM, both sides see the same load.
 *
 * <pre>
 *   java -javaagent:agent/target/weft-agent.jar -cp benchmarks/target/benchmarks.jar \
 *       dev.weft.bench.SkynetBeforeAfter ROUNDS REPS before.jar after.jar...
 * </pre>
 *
 * Round 0 warms up and is not counted. Prints per build the median process CPU time and wall time
 * per skynet, bytes per task, the ratio to ForkJoinPool, and the median over rounds of each
 * build's CPU time over the first build's in the same round.
 */
public final class SkynetBeforeAfter {

    private SkynetBeforeAfter() {}

    private static final long SUM = 499_999_500_000L;
    private static final double TASKS = 1_111_111;

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int reps = Integer.parseInt(args[1]);
        URL bench = SkynetBeforeAfter.class.getProtectionDomain().getCodeSource().getLocation();
        int cores = Workers.count();
        List<String> names = new ArrayList<>();
        List<Object> runtimes = new ArrayList<>();
        List<Method> skynets = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            URL jar = new File(args[i]).toURI().toURL();
            ClassLoader loader =
                    new URLClassLoader(
                            new URL[] {jar, bench}, ClassLoader.getPlatformClassLoader());
            Class<?> runtime = loader.loadClass("dev.weft.AsyncRuntime");
            Object builder = runtime.getMethod("builder").invoke(null);
            builder = builder.getClass().getMethod("workers", int.class).invoke(builder, cores);
            runtimes.add(builder.getClass().getMethod("build").invoke(builder));
            skynets.add(
                    loader.loadClass(AwaitingWorkloads.class.getName())
                            .getMethod("skynet", runtime));
            names.add(new File(args[i]).getName());
        }
        names.add("fjp");
        var os =
                (com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        ForkJoinPool pool = new ForkJoinPool(cores);
        Map<String, List<double[]>> samples = new LinkedHashMap<>();
        for (int round = 0; round <= rounds; round++) {
            for (int m = 0; m < names.size(); m++) {
                long cpu0 = os.getProcessCpuTime();
                long bytes0 = threads.getTotalThreadAllocatedBytes();
                long t0 = System.nanoTime();
                for (int r = 0; r < reps; r++) {
                    long v =
                            m < skynets.size()
                                    ? (long) skynets.get(m).invoke(null, runtimes.get(m))
                                    : JdkPeers.skynetForkJoin(pool);
                    if (v != SUM) {
                        throw new AssertionError(names.get(m) + ": " + v);
                    }
                }
                double wall = (System.nanoTime() - t0) / 1e6 / reps;
                double cpu = (os.getProcessCpuTime() - cpu0) / 1e6 / reps;
                double perTask =
                        (threads.getTotalThreadAllocatedBytes() - bytes0) / (double) reps / TASKS;
                if (round > 0) {
                    samples.computeIfAbsent(names.get(m), k -> new ArrayList<>())
                            .add(new double[] {wall, cpu, perTask});
                }
            }
        }
        pool.shutdown();
        for (Object rt : runtimes) {
            ((AutoCloseable) rt).close();
        }
        double fjpCpu = median(samples.get("fjp"), 1);
        List<double[]> first = samples.get(names.get(0));
        System.out.printf(
                "%-40s %9s %9s %8s %8s %12s%n",
                "build", "wall ms", "cpu ms", "B/task", "cpu/fjp", "cpu/first");
        for (String name : names) {
            List<double[]> s = samples.get(name);
            List<double[]> ratio = new ArrayList<>();
            for (int k = 0; k < s.size(); k++) {
                ratio.add(new double[] {0, s.get(k)[1] / first.get(k)[1]});
            }
            System.out.printf(
                    "%-40s %9.1f %9.1f %8.1f %8.2f %12.3f%n",
                    name,
                    median(s, 0),
                    median(s, 1),
                    median(s, 2),
                    median(s, 1) / fjpCpu,
                    median(ratio, 1));
        }
    }

    private static double median(List<double[]> s, int i) {
        double[] v = s.stream().mapToDouble(d -> d[i]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
