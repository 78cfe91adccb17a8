package dev.weft.agent.normalize;

import dev.weft.agent.flow.UninitializedObjects;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Value;

/**
 * What one pure stack instruction (POP, POP2, DUP, DUP_X1, DUP_X2, DUP2, DUP2_X1, DUP2_X2, SWAP)
 * does to the values at the top of a given frame: which values it takes and, in terms of those,
 * which it leaves. The JVM defines these instructions on 32-bit words (a long or double is two),
 * so the table below is by word, and {@link #of} folds the words back into values; that single
 * table covers every "form" of DUP2_X2 and its kin.
 */
final class StackShuffle {

    /** The values taken, bottom to top. */
    final List<Value> inputs;

    /** The values left, bottom to top, as indices into {@link #inputs}. */
    final List<Integer> outputs;

    private StackShuffle(List<Value> inputs, List<Integer> outputs) {
        this.inputs = inputs;
        this.outputs = outputs;
    }

    static boolean isShuffle(int opcode) {
        return wordsOut(opcode) != null;
    }

    /** For each word left on the stack, the input word it copies (0 = the deepest word taken). */
    private static int[] wordsOut(int opcode) {
        switch (opcode) {
            case Opcodes.POP:
                return new int[] {};
            case Opcodes.POP2:
                return new int[] {};
            case Opcodes.DUP:
                return new int[] {0, 0};
            case Opcodes.DUP_X1:
                return new int[] {1, 0, 1};
            case Opcodes.DUP_X2:
                return new int[] {2, 0, 1, 2};
            case Opcodes.DUP2:
                return new int[] {0, 1, 0, 1};
            case Opcodes.DUP2_X1:
                return new int[] {1, 2, 0, 1, 2};
            case Opcodes.DUP2_X2:
                return new int[] {2, 3, 0, 1, 2, 3};
            case Opcodes.SWAP:
                return new int[] {1, 0};
            default:
                return null;
        }
    }

    /** The shuffle {@code opcode} performs on frame {@code f} (which must verify there). */
    static <V extends Value> StackShuffle of(int opcode, Frame<V> f) {
        int words = UninitializedObjects.stackWordsMoved(opcode);
        int first = f.getStackSize();
        for (int w = 0; w < words; first--) {
            w += f.getStack(first - 1).getSize();
        }
        List<Value> inputs = new ArrayList<>();
        List<Integer> wordOwner = new ArrayList<>(); // input word -> input value
        for (int s = first; s < f.getStackSize(); s++) {
            V v = f.getStack(s);
            for (int k = 0; k < v.getSize(); k++) {
                wordOwner.add(inputs.size());
            }
            inputs.add(v);
        }
        List<Integer> outputs = new ArrayList<>();
        int[] out = wordsOut(opcode);
        for (int w = 0; w < out.length; ) {
            int value = wordOwner.get(out[w]);
            outputs.add(value);
            // a two-word value is always moved whole by verifiable code
            w += inputs.get(value).getSize();
        }
        return new StackShuffle(inputs, outputs);
    }
}
