package dev.weft.agent.check;

import dev.weft.agent.flow.ControlFlowGraph;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnList;

/**
 * The number of monitors held before each instruction, propagated forward over the CFG (taking
 * the maximum where paths merge, so a suspension point reachable with a monitor held on any path
 * counts as inside a synchronized block). javac's handler that releases a monitor also covers its
 * own first instructions; the maximum rule handles that loop, and the cap stops pathological code.
 */
final class MonitorDepth {

    private static final int CAP = 64;

    private MonitorDepth() {}

    /** Depth before each instruction; -1 for unreachable instructions. */
    static int[] compute(InsnList insns, ControlFlowGraph cfg) {
        int[] depth = new int[insns.size()];
        Arrays.fill(depth, -1);
        if (depth.length == 0) {
            return depth;
        }
        Deque<Integer> work = new ArrayDeque<>();
        depth[0] = 0;
        work.add(0);
        while (!work.isEmpty()) {
            int i = work.poll();
            int op = insns.get(i).getOpcode();
            int out = depth[i] + (op == Opcodes.MONITORENTER ? 1 : op == Opcodes.MONITOREXIT ? -1 : 0);
            out = Math.max(0, Math.min(CAP, out));
            for (int s : cfg.successors(i)) {
                // an exception edge leaves from *before* the instruction completes
                int d = cfg.handlers(i).contains(s) ? Math.max(depth[i], out) : out;
                if (d > depth[s]) {
                    depth[s] = d;
                    work.add(s);
                }
            }
        }
        return depth;
    }
}
