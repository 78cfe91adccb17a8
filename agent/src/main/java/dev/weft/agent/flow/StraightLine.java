package dev.weft.agent.flow;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * "Instruction a runs right before instruction b, always": b's nearest real predecessor, with
 * nothing in between that control can enter from elsewhere or that changes exception ranges.
 */
public final class StraightLine {

    private StraightLine() {}

    /** The nearest real instruction before {@code insn} with nothing in between that is a branch target. */
    public static AbstractInsnNode previousCode(AbstractInsnNode insn, Set<LabelNode> referenced) {
        for (AbstractInsnNode i = insn.getPrevious(); i != null; i = i.getPrevious()) {
            if (i instanceof LineNumberNode || i instanceof FrameNode) {
                continue;
            }
            if (i instanceof LabelNode) {
                if (referenced.contains(i)) {
                    return null;
                }
                continue;
            }
            return i;
        }
        return null;
    }

    /** Labels that jumps, switches or exception ranges refer to (not line or variable tables). */
    public static Set<LabelNode> referencedLabels(MethodNode m) {
        Set<LabelNode> labels = new HashSet<>();
        for (AbstractInsnNode i : m.instructions) {
            if (i instanceof JumpInsnNode) {
                labels.add(((JumpInsnNode) i).label);
            } else if (i instanceof TableSwitchInsnNode) {
                labels.add(((TableSwitchInsnNode) i).dflt);
                labels.addAll(((TableSwitchInsnNode) i).labels);
            } else if (i instanceof LookupSwitchInsnNode) {
                labels.add(((LookupSwitchInsnNode) i).dflt);
                labels.addAll(((LookupSwitchInsnNode) i).labels);
            }
        }
        if (m.tryCatchBlocks != null) {
            for (TryCatchBlockNode t : m.tryCatchBlocks) {
                labels.add(t.start);
                labels.add(t.end);
                labels.add(t.handler);
            }
        }
        return labels;
    }
}
