package dev.weft.bench.timers;

import dev.weft.AsyncRuntime;
import dev.weft.bench.SchedulerBench;
import dev.weft.bench.WeftWorkloads;
import dev.weft.bench.Workers;
import java.lang.management.ManagementFactory;

/**
 * The timer lane's cost on timer-free scheduler workloads, measured so that an overloaded
 * machine disturbs it little: skynet and spawn_many from outside on one runtime, each run timed
 * by the process's CPU time (all threads: the workers, and the JIT and GC too, which the minimum
 * over many runs leaves out), the minimum over the runs after a warm-up quarter. Run two builds
 * of the runtime in alternating processes and compare the minima: {@code java -cp
 * benchmarks.jar dev.weft.bench.timers.SchedulerCpuCost [runs]}.
 */
public final class SchedulerCpuCost {

    private SchedulerCpuCost() {}

    /** Workload runs per sample: the process CPU clock may tick in 10 ms steps. */
    private static final int SKYNETS = 5;

    private static final int SPAWNS = 200;

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean();
        double skynet = Double.MAX_VALUE;
        double spawn = Double.MAX_VALUE;
        try (AsyncRuntime rt =
                AsyncRuntime.builder()
                        .workers(Workers.count())
                        .threadNamePrefix("weft-cpu-")
                        .build()) {
            for (int r = 0; r < runs; r++) {
                long c0 = os.getProcessCpuTime();
                for (int i = 0; i < SKYNETS; i++) {
                    if (WeftWorkloads.skynet(rt) != SchedulerBench.SKYNET_SUM) {
                        throw new AssertionError("skynet");
                    }
                }
                long c1 = os.getProcessCpuTime();
                for (int i = 0; i < SPAWNS; i++) {
                    WeftWorkloads.spawnManyFromOutside(rt, SchedulerBench.SPAWN_MANY);
                }
                long c2 = os.getProcessCpuTime();
                if (r >= runs / 4) {
                    skynet = Math.min(skynet, (c1 - c0) / 1e6 / SKYNETS);
                    spawn = Math.min(spawn, (c2 - c1) / 1e3 / SPAWNS);
                }
            }
        }
        System.out.printf(
                java.util.Locale.ROOT,
                "SCHEDCPU skynet %.1f ms CPU per run; spawn_many from outside %.1f us CPU per run"
                        + " (minima of %d samples)%n",
                skynet,
                spawn,
                runs - runs / 4);
    }
}
