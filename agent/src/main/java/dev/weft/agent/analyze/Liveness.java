package dev.weft.agent.analyze;

import dev.weft.agent.flow.ControlFlowGraph;
import java.util.BitSet;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Classic backward liveness of local slots: live-in(i) = use(i) ∪ (live-out(i) − def(i)),
 * live-out(i) = ∪ live-in(successors, handlers included). A long/double is tracked by its first
 * slot; storing one kills both of its slots.
 */
public final class Liveness {

    private Liveness() {}

    /** Live-out set for every instruction. */
    public static BitSet[] liveOut(InsnList insns, ControlFlowGraph cfg) {
        int n = insns.size();
        int[][] successors = new int[n][];
        for (int i = 0; i < n; i++) {
            List<Integer> s = cfg.successors(i);
            successors[i] = new int[s.size()];
            for (int k = 0; k < successors[i].length; k++) {
                successors[i][k] = s.get(k);
            }
        }
        return liveOut(insns, successors);
    }

    /** As {@link #liveOut(InsnList, ControlFlowGraph)}, over successor indices (handlers included). */
    static BitSet[] liveOut(InsnList insns, int[][] successors) {
        int n = insns.size();
        BitSet[] in = new BitSet[n];
        BitSet[] out = new BitSet[n];
        for (int i = 0; i < n; i++) {
            in[i] = new BitSet();
            out[i] = new BitSet();
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = n - 1; i >= 0; i--) {
                BitSet o = new BitSet();
                for (int s : successors[i]) {
                    o.or(in[s]);
                }
                BitSet newIn = (BitSet) o.clone();
                AbstractInsnNode insn = insns.get(i);
                if (insn instanceof VarInsnNode) {
                    VarInsnNode v = (VarInsnNode) insn;
                    int op = v.getOpcode();
                    if (op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) {
                        newIn.clear(v.var);
                        if (op == Opcodes.LSTORE || op == Opcodes.DSTORE) {
                            newIn.clear(v.var + 1);
                        }
                    } else {
                        newIn.set(v.var);
                    }
                } else if (insn instanceof IincInsnNode) {
                    newIn.set(((IincInsnNode) insn).var);
                }
                if (!o.equals(out[i]) || !newIn.equals(in[i])) {
                    out[i] = o;
                    in[i] = newIn;
                    changed = true;
                }
            }
        }
        return out;
    }
}
