package dev.weft.agent.plan;

import dev.weft.agent.check.SuspensionKind;
import dev.weft.agent.check.SuspensionPoint;
import dev.weft.agent.flow.BlockAnalyzer;
import dev.weft.agent.flow.StraightLine;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
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
    public static Map<SuspensionPoint, Site> find(
            ClassNode owner,
            MethodNode m,
            Iterable<SuspensionPoint> points,
            Map<String, Target> targets)
            throws AnalyzerException {
        Map<SuspensionPoint, Site> sites = new IdentityHashMap<>();
        if (targets.isEmpty()) {
            return sites;
        }
        Set<LabelNode> referenced = StraightLine.referencedLabels(m);
        Frame<SourceValue>[] frames = null;
        for (SuspensionPoint p : points) {
            if (p.kind != SuspensionKind.AWAIT_FUTURE) {
                continue;
            }
            AbstractInsnNode prev = StraightLine.previousCode(p.call, referenced);
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
                    frames = new BlockAnalyzer<>(new SourceInterpreter()).analyze(owner.name, m);
                }
                if (frames == null || !receiverIsThis(m, frames, call)) {
                    continue;
                }
            }
            sites.put(p, new Site(call, t.entryName, t.entryDesc));
        }
        return sites;
    }

    private static boolean cannotDispatch(ClassNode owner, MethodNode target) {
        boolean finalClass =
                (owner.access & (Opcodes.ACC_FINAL | Opcodes.ACC_INTERFACE)) == Opcodes.ACC_FINAL;
        return (target.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL)) != 0 || finalClass;
    }

    /** An instance method whose local 0 is never overwritten: it holds {@code this} throughout. */
    private static boolean receiverIsAlwaysThis(MethodNode m) {
        if ((m.access & Opcodes.ACC_STATIC) != 0) {
            return false;
        }
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof VarInsnNode
                    && ((VarInsnNode) insn).var == 0
                    && insn.getOpcode() != Opcodes.ALOAD) {
                return false;
            }
        }
        return true;
    }

    private static boolean receiverIsThis(
            MethodNode m, Frame<SourceValue>[] frames, MethodInsnNode call) {
        Frame<SourceValue> f = frames[m.instructions.indexOf(call)];
        if (f == null) {
            return false; // unreachable
        }
        int args = Type.getArgumentTypes(call.desc).length;
        return isThis(m, frames, f.getStack(f.getStackSize() - 1 - args), 2);
    }

    /**
     * Every source of {@code v} is {@code aload 0}, or (up to {@code hops} times) a load of a
     * local whose every store stored such a value: the stack spiller moves a receiver through a
     * fresh local when something sits below the call.
     */
    private static boolean isThis(
            MethodNode m, Frame<SourceValue>[] frames, SourceValue v, int hops) {
        if (v.insns.isEmpty()) {
            return false;
        }
        for (AbstractInsnNode src : v.insns) {
            if (src.getOpcode() != Opcodes.ALOAD) {
                return false;
            }
            int local = ((VarInsnNode) src).var;
            if (local == 0) {
                continue;
            }
            Frame<SourceValue> at = frames[m.instructions.indexOf(src)];
            // a parameter's entry value has no source instruction, so only non-parameter locals
            // are known to hold nothing but what their stores stored
            if (hops == 0 || at == null || local < (Type.getArgumentsAndReturnSizes(m.desc) >> 2)) {
                return false;
            }
            SourceValue stores = at.getLocal(local);
            if (stores.insns.isEmpty()) {
                return false;
            }
            for (AbstractInsnNode store : stores.insns) {
                Frame<SourceValue> sf =
                        store.getOpcode() == Opcodes.ASTORE
                                ? frames[m.instructions.indexOf(store)]
                                : null;
                if (sf == null
                        || !isThis(m, frames, sf.getStack(sf.getStackSize() - 1), hops - 1)) {
                    return false;
                }
            }
        }
        return true;
    }
}
