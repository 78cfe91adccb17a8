package dev.weft.agent.plan;

import dev.weft.agent.check.SuspensionKind;
import dev.weft.agent.check.SuspensionPoint;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Finds the awaits that may call their callee's direct entry: {@code await(m(args))} where m is a
 * lazy coroutine method of the same class that is woven in the same pass. Every condition below
 * is one the weaver can prove from this class alone; anything else keeps the lazy call.
 *
 * <ul>
 *   <li>The call is the instruction right before the await (only line numbers, frames and labels
 *       nothing jumps to in between), so its result goes straight into the await, and the stack
 *       holds nothing below its arguments (the stack spiller has already put anything below an
 *       await into locals, which would sit between the two calls).
 *   <li>The call cannot dispatch elsewhere: invokestatic of a static method, or an instance call
 *       of a private or final method (or any method of a final class).
 *   <li>An instance call's receiver is provably non-null: it is {@code this} (local 0 of an
 *       instance method that never stores to local 0), so the direct entry, a static method,
 *       needs no null check to throw the NullPointerException the call would have thrown.
 * </ul>
 */
public final class DirectAwaits {

    /** One direct await: the callee's call instruction and the entry that replaces it. */
    public static final class Site {
        public final MethodInsnNode callee;
        public final String entryName;
        public final String entryDesc;

        Site(MethodInsnNode callee, String entryName, String entryDesc) {
            this.callee = callee;
            this.entryName = entryName;
            this.entryDesc = entryDesc;
        }
    }

    /** A lazy method of the class that has a direct entry if some await calls it. */
    public static final class Target {
        public final MethodNode method;
        public final String entryName;
        public final String entryDesc;

        public Target(MethodNode method, String entryName, String entryDesc) {
            this.method = method;
            this.entryName = entryName;
            this.entryDesc = entryDesc;
        }
    }

    private DirectAwaits() {}

    /**
     * @param targets lazy methods woven in this pass, by name + descriptor
     * @return the direct sites of {@code m} (normalized, original slots), by suspension point
     */
    public static Map<SuspensionPoint, Site> find(ClassNode owner, MethodNode m, Iterable<SuspensionPoint> points,
            Map<String, Target> targets) throws AnalyzerException {
        Map<SuspensionPoint, Site> sites = new IdentityHashMap<>();
        if (targets.isEmpty()) {
            return sites;
        }
        Set<LabelNode> referenced = referencedLabels(m);
        Frame<SourceValue>[] frames = null;
        for (SuspensionPoint p : points) {
            if (p.kind != SuspensionKind.AWAIT_FUTURE) {
                continue;
            }
            AbstractInsnNode prev = previousCode(p.call, referenced);
            if (!(prev instanceof MethodInsnNode)) {
                continue;
            }
            MethodInsnNode call = (MethodInsnNode) prev;
            Target t = call.owner.equals(owner.name) ? targets.get(call.name + call.desc) : null;
            if (t == null) {
                continue;
            }
            boolean targetStatic = (t.method.access & Opcodes.ACC_STATIC) != 0;
            if (targetStatic) {
                if (call.getOpcode() != Opcodes.INVOKESTATIC) {
                    continue;
                }
            } else {
                if (call.getOpcode() == Opcodes.INVOKESTATIC || !cannotDispatch(owner, t.method)) {
                    continue;
                }
                if (frames == null && receiverIsAlwaysThis(m)) {
                    frames = new Analyzer<>(new SourceInterpreter()).analyze(owner.name, m);
                }
                if (frames == null || !receiverIsThis(frames[m.instructions.indexOf(call)], call)) {
                    continue;
                }
            }
            sites.put(p, new Site(call, t.entryName, t.entryDesc));
        }
        return sites;
    }

    private static boolean cannotDispatch(ClassNode owner, MethodNode target) {
        boolean finalClass = (owner.access & (Opcodes.ACC_FINAL | Opcodes.ACC_INTERFACE)) == Opcodes.ACC_FINAL;
        return (target.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL)) != 0 || finalClass;
    }

    /** An instance method whose local 0 is never overwritten: it holds {@code this} throughout. */
    private static boolean receiverIsAlwaysThis(MethodNode m) {
        if ((m.access & Opcodes.ACC_STATIC) != 0) {
            return false;
        }
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof VarInsnNode && ((VarInsnNode) insn).var == 0 && insn.getOpcode() != Opcodes.ALOAD) {
                return false;
            }
        }
        return true;
    }

    private static boolean receiverIsThis(Frame<SourceValue> f, MethodInsnNode call) {
        if (f == null) {
            return false; // unreachable
        }
        int args = Type.getArgumentTypes(call.desc).length;
        SourceValue receiver = f.getStack(f.getStackSize() - 1 - args);
        if (receiver.insns.isEmpty()) {
            return false;
        }
        for (AbstractInsnNode src : receiver.insns) {
            if (src.getOpcode() != Opcodes.ALOAD || ((VarInsnNode) src).var != 0) {
                return false;
            }
        }
        return true;
    }

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
