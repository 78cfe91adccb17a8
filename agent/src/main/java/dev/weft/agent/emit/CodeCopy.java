package dev.weft.agent.emit;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * The pieces of copying a method's code that every copy shares: a fresh label for each of its
 * labels, and its handlers and local variable entries on those labels. A direct entry is a copy
 * of its method; an eager stub carries a copy of its body.
 */
final class CodeCopy {

    private CodeCopy() {}

    /** A new label for each label of {@code code}, for {@link AbstractInsnNode#clone}. */
    static Map<LabelNode, LabelNode> freshLabels(InsnList code) {
        Map<LabelNode, LabelNode> labels = new HashMap<>();
        for (AbstractInsnNode i : code) {
            if (i instanceof LabelNode) {
                labels.put((LabelNode) i, new LabelNode());
            }
        }
        return labels;
    }

    /** {@code t} on the copied labels. */
    static TryCatchBlockNode handler(TryCatchBlockNode t, Map<LabelNode, LabelNode> labels) {
        return new TryCatchBlockNode(
                labels.get(t.start), labels.get(t.end), labels.get(t.handler), t.type);
    }

    /** {@code v} on the copied labels, in slot {@code index}. */
    static LocalVariableNode local(
            LocalVariableNode v, Map<LabelNode, LabelNode> labels, int index) {
        return new LocalVariableNode(
                v.name, v.desc, v.signature, labels.get(v.start), labels.get(v.end), index);
    }
}
