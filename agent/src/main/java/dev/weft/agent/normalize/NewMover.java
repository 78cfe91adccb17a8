package dev.weft.agent.normalize;

import dev.weft.agent.check.SuspensionPoint;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Moves {@code NEW X; DUP} pairs whose uninitialized values would be live across a suspension
 * point to just before their constructor call.
 *
 * <p>The pair belonging to a constructor call is found with a {@link SourceInterpreter}: the
 * receiver of {@code INVOKESPECIAL X.<init>} was produced by a {@code DUP} directly after a
 * {@code NEW}. javac evaluates constructor arguments as a single-entry, single-exit region
 * between the {@code DUP} and the call, so "a suspension call lies between the NEW and its
 * constructor call in instruction order" is exactly "the uninitialized value is on the stack at
 * that suspension".
 */
public final class NewMover {

    private NewMover() {}

    /** Rewrites {@code m} in place; returns how many allocations were moved. */
    public static int moveAcrossSuspensions(String owner, MethodNode m, List<SuspensionPoint> points)
            throws AnalyzerException {
        InsnList insns = m.instructions;
        Frame<SourceValue>[] frames = new Analyzer<>(new SourceInterpreter()).analyze(owner, m);
        Map<AbstractInsnNode, AbstractInsnNode> initToNew = new IdentityHashMap<>();
        List<MethodInsnNode> inits = new ArrayList<>();
        for (int i = 0; i < insns.size(); i++) {
            AbstractInsnNode insn = insns.get(i);
            if (insn.getOpcode() != Opcodes.INVOKESPECIAL || frames[i] == null) {
                continue;
            }
            MethodInsnNode call = (MethodInsnNode) insn;
            if (!call.name.equals("<init>")) {
                continue;
            }
            Frame<SourceValue> f = frames[i];
            int args = Type.getArgumentTypes(call.desc).length;
            SourceValue receiver = f.getStack(f.getStackSize() - args - 1);
            if (receiver.insns.size() != 1) {
                continue;
            }
            AbstractInsnNode dup = receiver.insns.iterator().next();
            AbstractInsnNode nw = dup.getPrevious();
            if (dup.getOpcode() != Opcodes.DUP || nw == null || nw.getOpcode() != Opcodes.NEW) {
                continue;
            }
            int from = insns.indexOf(nw);
            for (SuspensionPoint p : points) {
                int at = insns.indexOf(p.call);
                if (at > from && at < i) {
                    initToNew.put(call, nw);
                    inits.add(call);
                    break;
                }
            }
        }
        for (MethodInsnNode call : inits) {
            AbstractInsnNode nw = initToNew.get(call);
            String type = ((TypeInsnNode) nw).desc;
            insns.remove(nw.getNext()); // the DUP
            insns.remove(nw);
            Type[] args = Type.getArgumentTypes(call.desc);
            int[] slots = new int[args.length];
            InsnList before = new InsnList();
            for (int a = args.length - 1; a >= 0; a--) {
                slots[a] = FreshLocals.allocate(m, args[a].getSize());
                before.add(FreshLocals.store(args[a], slots[a]));
            }
            before.add(new TypeInsnNode(Opcodes.NEW, type));
            before.add(new InsnNode(Opcodes.DUP));
            for (int a = 0; a < args.length; a++) {
                before.add(FreshLocals.load(args[a], slots[a]));
            }
            insns.insertBefore(call, before);
        }
        m.maxStack += 2;
        return inits.size();
    }
}
