package dev.weft.agent.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/** The flat-word liveness across a word boundary (slots 63, 64, 65), with a loop to reach a fixpoint. */
class LivenessTest {

    @Test
    void liveSlotsAcrossAWordBoundaryAndALoop() {
        InsnList code = new InsnList();
        code.add(new InsnNode(Opcodes.ICONST_0)); // 0
        code.add(new VarInsnNode(Opcodes.ISTORE, 65)); // 1
        code.add(new InsnNode(Opcodes.LCONST_0)); // 2
        code.add(new VarInsnNode(Opcodes.LSTORE, 63)); // 3: defines 63 and 64
        code.add(new IincInsnNode(65, 1)); // 4: loop head, uses 65
        code.add(new VarInsnNode(Opcodes.LLOAD, 63)); // 5
        code.add(new InsnNode(Opcodes.POP2)); // 6
        code.add(new VarInsnNode(Opcodes.ILOAD, 65)); // 7: back to 4, or on to 8
        code.add(new InsnNode(Opcodes.IRETURN)); // 8
        int[][] successors = {{1}, {2}, {3}, {4}, {5}, {6}, {7}, {8, 4}, {}};
        Liveness live = Liveness.of(code, successors);

        assertEquals(set(), out(live, 0, 70));
        assertEquals(set(65), out(live, 1, 70));
        assertEquals(set(65), out(live, 2, 70));
        assertEquals(set(63, 65), out(live, 3, 70));
        assertEquals(set(63, 65), out(live, 4, 70));
        assertEquals(set(63, 65), out(live, 6, 70)); // 63 only through the back edge
        assertEquals(set(63, 65), out(live, 7, 70));
        assertEquals(set(), out(live, 8, 70));
    }

    private static BitSet out(Liveness l, int insn, int slots) {
        BitSet b = new BitSet();
        for (int s = 0; s < slots; s++) {
            if (l.liveOut(insn, s)) {
                b.set(s);
            }
        }
        return b;
    }

    private static BitSet set(int... slots) {
        BitSet b = new BitSet();
        for (int s : slots) {
            b.set(s);
        }
        return b;
    }
}
