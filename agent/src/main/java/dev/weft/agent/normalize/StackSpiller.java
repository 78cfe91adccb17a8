package dev.weft.agent.normalize;

import dev.weft.agent.check.SuspensionPoint;
import java.util.List;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
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

    public static void spill(String owner, MethodNode m, List<SuspensionPoint> points) throws AnalyzerException {
        Frame<BasicValue>[] frames = new Analyzer<>(new BasicInterpreter()).analyze(owner, m);
        InsnList insns = m.instructions;
        // indices shift as we insert, so look every frame up before the first insertion
        @SuppressWarnings("unchecked")
        Frame<BasicValue>[] at = new Frame[points.size()];
        for (int i = 0; i < points.size(); i++) {
            at[i] = frames[insns.indexOf(points.get(i).call)];
        }
        for (int i = 0; i < points.size(); i++) {
            Frame<BasicValue> f = at[i];
            if (f == null || f.getStackSize() <= 1) {
                continue; // unreachable, or nothing below the argument
            }
            SuspensionPoint p = points.get(i);
            int below = f.getStackSize() - 1;
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
        }
    }
}
