package dev.weft.agent.emit;

import dev.weft.agent.check.SuspensionPoint;
import dev.weft.agent.plan.Slot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Keeps the LocalVariableTable honest for debuggers (issue 16, point 6). A local that is dead at
 * a suspension point is not saved, so on the resumption path its slot holds nothing (HotSpot
 * shows a stale 0 or null, or refuses the slot) although javac's range still covers the code
 * after the await, which both the ready path and the resumption path run. Such a local's range
 * therefore ends at the await, and opens again after the next store to its slot, where it holds
 * a value on every path; saved locals keep their ranges. A debugger then shows, after an await,
 * exactly the locals that have values (Kotlin's debugger calls the others "optimised out").
 */
final class LocalRanges {

    private LocalRanges() {}

    /**
     * Splits the ranges of {@code body}'s locals (already shifted by {@code shift}) at each
     * suspension point where the local is not saved. Call before the points' calls are replaced.
     */
    static void endDeadLocalsAtSuspensions(
            MethodNode body, List<SuspensionPoint> points, List<List<Slot>> saved, int shift) {
        if (body.localVariables == null || body.localVariables.isEmpty() || points.isEmpty()) {
            return;
        }
        Map<AbstractInsnNode, Integer> pointAt = new IdentityHashMap<>();
        for (int k = 0; k < points.size(); k++) {
            pointAt.put(points.get(k).call, k);
        }
        AbstractInsnNode[] code = body.instructions.toArray();
        Map<AbstractInsnNode, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < code.length; i++) {
            index.put(code[i], i);
        }
        Map<AbstractInsnNode, LabelNode> before = new HashMap<>();
        Map<AbstractInsnNode, LabelNode> after = new HashMap<>();
        List<LocalVariableNode> out = new ArrayList<>();
        for (LocalVariableNode lv : body.localVariables) {
            Integer s = index.get(lv.start);
            Integer e = index.get(lv.end);
            if (s == null || e == null) {
                out.add(lv);
                continue;
            }
            LabelNode from = lv.start;
            boolean visible = true;
            for (int i = s; i < e; i++) {
                AbstractInsnNode insn = code[i];
                Integer k = pointAt.get(insn);
                if (k != null && visible && !isSaved(saved.get(k), lv.index - shift)) {
                    LabelNode cut = labelAt(before, insn);
                    out.add(
                            new LocalVariableNode(
                                    lv.name, lv.desc, lv.signature, from, cut, lv.index));
                    visible = false;
                } else if (!visible && isStoreTo(insn, lv.index)) {
                    from = labelAt(after, insn);
                    visible = true;
                }
            }
            if (visible) {
                out.add(
                        from == lv.start
                                ? lv
                                : new LocalVariableNode(
                                        lv.name, lv.desc, lv.signature, from, lv.end, lv.index));
            }
        }
        for (Map.Entry<AbstractInsnNode, LabelNode> e : before.entrySet()) {
            body.instructions.insertBefore(e.getKey(), e.getValue());
        }
        for (Map.Entry<AbstractInsnNode, LabelNode> e : after.entrySet()) {
            body.instructions.insert(e.getKey(), e.getValue());
        }
        body.localVariables = out;
    }

    /** No lambdas on the weaving path: each one's bootstrap costs milliseconds at the first class. */
    private static LabelNode labelAt(Map<AbstractInsnNode, LabelNode> labels, AbstractInsnNode at) {
        LabelNode l = labels.get(at);
        if (l == null) {
            l = new LabelNode();
            labels.put(at, l);
        }
        return l;
    }

    private static boolean isSaved(List<Slot> slots, int local) {
        for (Slot s : slots) {
            if (s.local == local) {
                return true;
            }
        }
        return false;
    }

    private static boolean isStoreTo(AbstractInsnNode insn, int local) {
        int op = insn.getOpcode();
        return op >= Opcodes.ISTORE && op <= Opcodes.ASTORE && ((VarInsnNode) insn).var == local;
    }
}
