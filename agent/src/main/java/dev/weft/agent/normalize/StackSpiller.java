package dev.weft.agent.normalize;

import dev.weft.agent.check.SuspensionKind;
import dev.weft.agent.check.SuspensionPoint;
import dev.weft.agent.flow.BlockAnalyzer;
import dev.weft.agent.flow.StraightLine;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Spills the operand stack below each suspension call's argument into fresh locals:
 *
 * <pre>
 *   [s1 .. sk, arg] call          becomes
 *   store arg; store sk .. s1; load arg; call; [store result; load s1 .. sk; load result]
 * </pre>
 *
 * Only value sorts matter here (which load/store opcode); the precise reference types of the new
 * locals are found later by analyze, exactly as for the user's own locals.
 */
public final class StackSpiller {

    private StackSpiller() {}

    public static void spill(String owner, MethodNode m, List<SuspensionPoint> points)
            throws AnalyzerException {
        spill(owner, m, points, new BlockAnalyzer<>(new BasicInterpreter()).analyze(owner, m));
    }

    /**
     * As {@link #spill(String, MethodNode, List)}, from frames the caller already has for {@code m}
     * as it is now (typed ones from {@code SuspensionAnalysis.flow} serve: only the values' sizes
     * and store opcodes are used, which agree with {@code BasicInterpreter}'s); returns whether
     * {@code m} changed, that is, whether those frames are stale now.
     */
    public static boolean spill(
            String owner, MethodNode m, List<SuspensionPoint> points, Frame<BasicValue>[] frames) {
        boolean changed = false;
        InsnList insns = m.instructions;
        // indices shift as we insert, so look every frame up before the first insertion
        // (Java cannot create a Frame<BasicValue>[]; these arrays stay here and hold only such
        // frames)
        @SuppressWarnings("unchecked")
        Frame<BasicValue>[] at = (Frame<BasicValue>[]) new Frame<?>[points.size()];
        MethodInsnNode[] callee = new MethodInsnNode[points.size()];
        @SuppressWarnings("unchecked")
        Frame<BasicValue>[] atCallee = (Frame<BasicValue>[]) new Frame<?>[points.size()];
        Set<LabelNode> referenced = StraightLine.referencedLabels(m);
        for (int i = 0; i < points.size(); i++) {
            at[i] = frames[insns.indexOf(points.get(i).call)];
            callee[i] = possibleDirectCall(owner, points.get(i), referenced);
            if (callee[i] != null) {
                atCallee[i] = frames[insns.indexOf(callee[i])];
            }
        }
        for (int i = 0; i < points.size(); i++) {
            Frame<BasicValue> f = at[i];
            if (f == null || f.getStackSize() <= 1) {
                continue; // unreachable, or nothing below the argument
            }
            SuspensionPoint p = points.get(i);
            int below = f.getStackSize() - 1;
            if (atCallee[i] != null) {
                spillBeforeCall(m, callee[i], atCallee[i], below, p);
                changed = true;
                continue;
            }
            Type argType = f.getStack(below).getType();
            int argSlot = FreshLocals.allocate(m, argType.getSize());
            int[] slots = new int[below];
            Type[] types = new Type[below];
            InsnList before = new InsnList();
            before.add(FreshLocals.store(argType, argSlot));
            for (int s = below - 1; s >= 0; s--) {
                types[s] = f.getStack(s).getType();
                slots[s] = FreshLocals.allocate(m, types[s].getSize());
                before.add(FreshLocals.store(types[s], slots[s]));
            }
            before.add(FreshLocals.load(argType, argSlot));
            insns.insertBefore(p.call, before);

            InsnList after = new InsnList();
            Type result = Type.getReturnType(p.call.desc);
            int resultSlot = -1;
            if (result.getSort() != Type.VOID) {
                resultSlot = FreshLocals.allocate(m, result.getSize());
                after.add(FreshLocals.store(result, resultSlot));
            }
            for (int s = 0; s < below; s++) {
                after.add(FreshLocals.load(types[s], slots[s]));
            }
            if (resultSlot >= 0) {
                after.add(FreshLocals.load(result, resultSlot));
            }
            insns.insert(p.call, after);
            changed = true;
        }
        return changed;
    }

    /**
     * {@code await(n(args))} with n a Future method of the same class: the stack is spilled before
     * n's call instead, so that the call stays right before the await and may become a direct
     * await (plan.DirectAwaits). The values are the same; only where they wait differs.
     */
    private static MethodInsnNode possibleDirectCall(
            String owner, SuspensionPoint p, Set<LabelNode> referenced) {
        if (p.kind != SuspensionKind.AWAIT_FUTURE) {
            return null;
        }
        AbstractInsnNode prev = StraightLine.previousCode(p.call, referenced);
        if (!(prev instanceof MethodInsnNode)) {
            return null;
        }
        MethodInsnNode call = (MethodInsnNode) prev;
        return call.owner.equals(owner) && call.desc.endsWith(")Ldev/weft/Future;") ? call : null;
    }

    /** {@code [s1 .. sk, args] call await} -> store args, store sk .. s1, load args, call, await, [restore]. */
    private static void spillBeforeCall(
            MethodNode m, MethodInsnNode call, Frame<BasicValue> f, int below, SuspensionPoint p) {
        int args =
                Type.getArgumentTypes(call.desc).length
                        + (call.getOpcode() == Opcodes.INVOKESTATIC ? 0 : 1);
        if (f.getStackSize() != below + args) {
            throw new IllegalStateException(
                    "weft: the stack below an awaited call does not match its await");
        }
        InsnList before = new InsnList();
        int[] argSlots = new int[args];
        Type[] argTypes = new Type[args];
        for (int a = args - 1; a >= 0; a--) {
            argTypes[a] = f.getStack(below + a).getType();
            argSlots[a] = FreshLocals.allocate(m, argTypes[a].getSize());
            before.add(FreshLocals.store(argTypes[a], argSlots[a]));
        }
        int[] slots = new int[below];
        Type[] types = new Type[below];
        for (int s = below - 1; s >= 0; s--) {
            types[s] = f.getStack(s).getType();
            slots[s] = FreshLocals.allocate(m, types[s].getSize());
            before.add(FreshLocals.store(types[s], slots[s]));
        }
        for (int a = 0; a < args; a++) {
            before.add(FreshLocals.load(argTypes[a], argSlots[a]));
        }
        m.instructions.insertBefore(call, before);

        InsnList after = new InsnList();
        Type result = Type.getReturnType(p.call.desc);
        int resultSlot = FreshLocals.allocate(m, result.getSize());
        after.add(FreshLocals.store(result, resultSlot));
        for (int s = 0; s < below; s++) {
            after.add(FreshLocals.load(types[s], slots[s]));
        }
        after.add(FreshLocals.load(result, resultSlot));
        m.instructions.insert(p.call, after);
    }
}
