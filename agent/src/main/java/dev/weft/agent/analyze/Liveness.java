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
 *
 * <p>The sets are rows of 64-bit words in two flat arrays (one word per instruction for methods
 * with at most 64 locals), updated in place: at start-up this runs interpreted once per woven
 * method, where a {@code BitSet} per instruction and per sweep cost more than the type analysis
 * beside it.
 */
public final class Liveness {

    private final long[] out;
    private final int words;

    private Liveness(long[] out, int words) {
        this.out = out;
        this.words = words;
    }

    /** True if {@code slot} is live right after instruction {@code insn}. */
    public boolean liveOut(int insn, int slot) {
        int w = slot >>> 6;
        return w < words && (out[insn * words + w] & (1L << slot)) != 0;
    }

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
        Liveness l = of(insns, successors);
        BitSet[] sets = new BitSet[n];
        for (int i = 0; i < n; i++) {
            long[] row = new long[l.words];
            System.arraycopy(l.out, i * l.words, row, 0, l.words);
            sets[i] = BitSet.valueOf(row);
        }
        return sets;
    }

    /** Liveness over successor indices (handlers included); a null row has no successors. */
    static Liveness of(InsnList insns, int[][] successors) {
        AbstractInsnNode[] code = insns.toArray();
        int n = code.length;
        int maxSlot = 0;
        for (AbstractInsnNode insn : code) {
            if (insn instanceof VarInsnNode) {
                maxSlot =
                        Math.max(
                                maxSlot, ((VarInsnNode) insn).var + 1); // + 1: a long's second slot
            } else if (insn instanceof IincInsnNode) {
                maxSlot = Math.max(maxSlot, ((IincInsnNode) insn).var);
            }
        }
        int words = (maxSlot >>> 6) + 1;
        long[] in = new long[n * words];
        long[] out = new long[n * words];
        long[] o = new long[words];
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = n - 1; i >= 0; i--) {
                java.util.Arrays.fill(o, 0L);
                int[] succ = successors[i];
                if (succ != null) {
                    for (int s : succ) {
                        for (int w = 0, b = s * words; w < words; w++) {
                            o[w] |= in[b + w];
                        }
                    }
                }
                int base = i * words;
                for (int w = 0; w < words; w++) {
                    if (out[base + w] != o[w]) {
                        out[base + w] = o[w];
                        changed = true;
                    }
                }
                // live-in = use ∪ (live-out − def), written over the copy of live-out
                AbstractInsnNode insn = code[i];
                int kill1 = -1;
                int kill2 = -1;
                int use = -1;
                if (insn instanceof VarInsnNode) {
                    VarInsnNode v = (VarInsnNode) insn;
                    int op = v.getOpcode();
                    if (op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) {
                        kill1 = v.var;
                        if (op == Opcodes.LSTORE || op == Opcodes.DSTORE) {
                            kill2 = v.var + 1;
                        }
                    } else {
                        use = v.var;
                    }
                } else if (insn instanceof IincInsnNode) {
                    use = ((IincInsnNode) insn).var;
                }
                if (kill1 >= 0) {
                    o[kill1 >>> 6] &= ~(1L << kill1);
                }
                if (kill2 >= 0) {
                    o[kill2 >>> 6] &= ~(1L << kill2);
                }
                if (use >= 0) {
                    o[use >>> 6] |= 1L << use;
                }
                for (int w = 0; w < words; w++) {
                    if (in[base + w] != o[w]) {
                        in[base + w] = o[w];
                        changed = true;
                    }
                }
            }
        }
        return new Liveness(out, words);
    }
}
