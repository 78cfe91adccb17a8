package dev.weft.bench.sync;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.channels.ClosedChannelException;

/**
 * {@link WaiterBench}'s operations timed by this thread's CPU time instead of wall time, the
 * minimum over many short batches: on a shared, overloaded machine a wall-clock JMH iteration
 * mostly measures how long the thread waited for a core, while CPU time leaves that out. Run
 * two builds of the runtime in alternating processes and compare the minima. Outside JMH the
 * {@code @CompilerControl} on {@link WaiterBench#drive} does nothing, so keep that poll site out
 * of line (megamorphic, as in a scheduler) by hand:
 * {@code java -XX:CompileCommand=dontinline,dev.weft.bench.sync.WaiterBench::drive -cp
 * benchmarks.jar dev.weft.bench.sync.WaiterCost [batches]}.
 */
public final class WaiterCost {

    private WaiterCost() {}

    interface Op {
        void run() throws ClosedChannelException;
    }

    public static void main(String[] args) throws ClosedChannelException {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        WaiterBench b = new WaiterBench();
        b.setUp();
        String[] names = {
            "channelReady", "channelWaiting", "channelCancel", "semaphoreWaiting", "notifyWaiting"
        };
        Op[] ops = {
            b::channelReady,
            b::channelWaiting,
            b::channelCancel,
            b::semaphoreWaiting,
            b::notifyWaiting
        };
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] best = new double[ops.length];
        java.util.Arrays.fill(best, Double.MAX_VALUE);
        int perBatch = 20_000;
        for (int round = 0; round < batches; round++) {
            for (int k = 0; k < ops.length; k++) { // interleaved, so drift hits every op alike
                long t0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < perBatch; i++) {
                    ops[k].run();
                }
                double ns = (mx.getCurrentThreadCpuTime() - t0) / (double) perBatch;
                if (round >= batches / 4) { // the first quarter warms up
                    best[k] = Math.min(best[k], ns);
                }
            }
        }
        for (int k = 0; k < ops.length; k++) {
            System.out.printf(
                    "%-18s %7.1f ns/op (min CPU time of %d batches)%n",
                    names[k], best[k], batches * 3 / 4);
        }
    }
}
