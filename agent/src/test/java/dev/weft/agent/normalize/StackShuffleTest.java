package dev.weft.agent.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/** The word table folds back into the value-level forms of JVMS 6.5 (dup2_x1, dup2_x2...). */
class StackShuffleTest {

    private static final BasicValue I = BasicValue.INT_VALUE;
    private static final BasicValue J = BasicValue.LONG_VALUE;

    private static StackShuffle on(int opcode, BasicValue... stack) {
        Frame<BasicValue> f = new Frame<>(0, 8);
        for (BasicValue v : stack) {
            f.push(v);
        }
        return StackShuffle.of(opcode, f);
    }

    @Test
    void everyFormFoldsToValues() {
        // dup_x2 form 1 [c b a] -> [a c b a]; form 2 [B a] -> [a B a]
        assertEquals(List.of(2, 0, 1, 2), on(Opcodes.DUP_X2, I, I, I).outputs);
        assertEquals(List.of(1, 0, 1), on(Opcodes.DUP_X2, J, I).outputs);
        // dup2 form 2 [A] -> [A A]
        assertEquals(List.of(0, 0), on(Opcodes.DUP2, J).outputs);
        // dup2_x1 form 1 [c b a] -> [b a c b a]; form 2 [c A] -> [A c A]
        assertEquals(List.of(1, 2, 0, 1, 2), on(Opcodes.DUP2_X1, I, I, I).outputs);
        assertEquals(List.of(1, 0, 1), on(Opcodes.DUP2_X1, I, J).outputs);
        // dup2_x2 forms 1 to 4
        assertEquals(List.of(2, 3, 0, 1, 2, 3), on(Opcodes.DUP2_X2, I, I, I, I).outputs);
        assertEquals(List.of(2, 0, 1, 2), on(Opcodes.DUP2_X2, I, I, J).outputs);
        assertEquals(List.of(1, 2, 0, 1, 2), on(Opcodes.DUP2_X2, J, I, I).outputs);
        assertEquals(List.of(1, 0, 1), on(Opcodes.DUP2_X2, J, J).outputs);
        // pop2 of one long takes one value; swap reverses
        assertEquals(1, on(Opcodes.POP2, I, J).inputs.size());
        assertEquals(List.of(1, 0), on(Opcodes.SWAP, I, I).outputs);
    }
}
