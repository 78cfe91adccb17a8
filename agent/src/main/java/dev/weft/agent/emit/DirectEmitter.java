package dev.weft.agent.emit;

import dev.weft.agent.check.SuspensionKind;
import dev.weft.agent.check.SuspensionPoint;
import dev.weft.agent.flow.StraightLine;
import dev.weft.agent.plan.CompanionLayout;
import dev.weft.agent.plan.DirectAwaits;
import dev.weft.agent.plan.Slot;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The direct entry of a lazy method m: {@code static Object m(H this?, params..., Context cx,
 * Object root)}, an overload of m like the body (stack traces read {@code H.m(H.java:line)}). It
 * runs a copy of the normalized body with the locals in JVM locals and no state object; an await
 * whose argument is a call of m from the same class calls it instead of {@code m(...)} plus a poll.
 *
 * <pre>
 * prologue:  move params up by 2; local 0 = root, local 1 = cx   (the body's layout, see BodyEmitter)
 * await k:   [f] dup; v = Coroutine.poll(f, cx); if (v == SUSPENDED) { pop; Await.cancelled(f, cx);
 *            suspend_k(f) }
 *            swap; pop -> [v]
 * direct k:  [args] v = n(args, cx, root); if (v == SUSPENDED) suspend_k(Coroutine.handedOff(root))
 * suspend_k: c = new Companion(); c.awaiting = f; save live locals into c; c.state = k;
 *            Coroutine.handOff(root, c); return SUSPENDED
 * return:    Future.ready(x); areturn  ->  x; areturn            (the Ready is never observed)
 *            other areturn -> goto exit, after the last original instruction (outside every try
 *            range, as Coroutine.poll is outside the body): v = Await.returned(r, cx); if pending,
 *            c = new Companion(); Coroutine.suspendOnTail(c, r); handOff(root, c); return SUSPENDED
 * </pre>
 *
 * A companion made at suspension point k is exactly the object m's own body would have left there
 * (same fields, same state number, awaiting the same future), so from then on the ordinary body
 * resumes it. The entry never resumes anything itself.
 */
public final class DirectEmitter {

    private static final String AWAIT = "dev/weft/internal/coroutine/Await";
    private static final String COROUTINE = "dev/weft/internal/coroutine/Coroutine";
    private static final String OBJECT_DESC = "Ljava/lang/Object;";
    private static final String FUTURE = "dev/weft/Future";

    private DirectEmitter() {}

    /**
     * Emits m's direct entry from its normalized code, which is copied (the caller then moves the
     * original into the body). {@code direct} are m's own direct awaits, by suspension point.
     */
    public static MethodNode emit(
            String hostName,
            boolean hostIsInterface,
            MethodNode m,
            CompanionLayout layout,
            String entryDesc,
            Map<SuspensionPoint, DirectAwaits.Site> direct,
            boolean enterSites) {
        int access = BodyEmitter.access(hostIsInterface);
        MethodNode d = new MethodNode(Opcodes.ASM9, access, layout.bodyName, entryDesc, null, null);
        Map<AbstractInsnNode, AbstractInsnNode> copyOf = copyCode(m, d);
        int tmp = m.maxLocals + BodyEmitter.SHIFT;
        d.maxLocals = tmp + 1;
        d.maxStack = m.maxStack + 6;
        BodyEmitter.shiftLocals(d);
        String c = layout.companionName;
        returns(d, c, tmp); // first: the suspension paths below add returns of their own

        for (int k = 0; k < layout.points.size(); k++) {
            SuspensionPoint p = layout.points.get(k);
            if (p.kind == SuspensionKind.YIELD) {
                throw new IllegalStateException("a generator has no direct entry");
            }
            AbstractInsnNode call = copyOf.get(p.call);
            InsnList at = new InsnList();
            LabelNode ready = new LabelNode();
            DirectAwaits.Site site = direct.get(p);
            if (site != null) {
                AbstractInsnNode callee = copyOf.get(site.callee);
                d.instructions.insert(callee, directCall(hostName, hostIsInterface, site));
                d.instructions.remove(callee);
                ifNotSuspended(at, ready);
                at.add(new InsnNode(Opcodes.POP));
                at.add(new VarInsnNode(Opcodes.ALOAD, 0));
                at.add(
                        new MethodInsnNode(
                                Opcodes.INVOKESTATIC,
                                COROUTINE,
                                "handedOff",
                                "(Ljava/lang/Object;)Ldev/weft/Future;",
                                false));
                suspend(at, c, layout.saved.get(k), k + 1, tmp);
                at.add(ready);
            } else {
                BodyEmitter.adaptStage(at, p);
                at.add(new InsnNode(Opcodes.DUP));
                at.add(new VarInsnNode(Opcodes.ALOAD, 1));
                BodyEmitter.pollAwaited(at, enterSites && BodyEmitter.mayEnter(p));
                ifNotSuspended(at, ready);
                at.add(new InsnNode(Opcodes.POP));
                BodyEmitter.throwIfCancelled(at);
                suspend(at, c, layout.saved.get(k), k + 1, tmp);
                at.add(ready);
                at.add(new InsnNode(Opcodes.SWAP));
                at.add(new InsnNode(Opcodes.POP));
            }
            d.instructions.insert(call, at);
            d.instructions.remove(call);
        }
        d.instructions.insert(prologue(entryDesc));
        return d;
    }

    /** {@code [args] -> n(args, cx, root)}: locals 1 and 0 are cx and the root in bodies and entries. */
    static InsnList directCall(String hostName, boolean hostIsInterface, DirectAwaits.Site site) {
        InsnList in = new InsnList();
        in.add(new VarInsnNode(Opcodes.ALOAD, 1));
        in.add(new VarInsnNode(Opcodes.ALOAD, 0));
        in.add(
                new MethodInsnNode(
                        Opcodes.INVOKESTATIC,
                        hostName,
                        site.entryName,
                        site.entryDesc,
                        hostIsInterface));
        return in;
    }

    /** {@code [v] -> [v]}, jumping to {@code ready} unless v is SUSPENDED. */
    static void ifNotSuspended(InsnList at, LabelNode ready) {
        at.add(new InsnNode(Opcodes.DUP));
        at.add(new FieldInsnNode(Opcodes.GETSTATIC, AWAIT, "SUSPENDED", OBJECT_DESC));
        at.add(new JumpInsnNode(Opcodes.IF_ACMPNE, ready));
    }

    /** {@code [f]}: allocate the companion, leave it as m's body would at point {@code state}, hand it off. */
    private static void suspend(InsnList at, String c, List<Slot> saved, int state, int tmp) {
        newCompanion(at, c, tmp);
        at.add(new VarInsnNode(Opcodes.ALOAD, tmp));
        at.add(new InsnNode(Opcodes.SWAP));
        at.add(new FieldInsnNode(Opcodes.PUTFIELD, c, "awaiting", "Ldev/weft/Future;"));
        for (Slot s : saved) {
            Slots.save(at, c, tmp, s, BodyEmitter.SHIFT);
        }
        at.add(new VarInsnNode(Opcodes.ALOAD, tmp));
        Slots.pushInt(at, state);
        at.add(new FieldInsnNode(Opcodes.PUTFIELD, c, "state", "I"));
        handOffAndReturn(at, tmp);
    }

    private static void newCompanion(InsnList at, String c, int tmp) {
        at.add(new TypeInsnNode(Opcodes.NEW, c));
        at.add(new InsnNode(Opcodes.DUP));
        at.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, c, "<init>", "()V", false));
        at.add(new VarInsnNode(Opcodes.ASTORE, tmp));
    }

    private static void handOffAndReturn(InsnList at, int tmp) {
        at.add(new VarInsnNode(Opcodes.ALOAD, 0));
        at.add(new VarInsnNode(Opcodes.ALOAD, tmp));
        at.add(
                new MethodInsnNode(
                        Opcodes.INVOKESTATIC,
                        COROUTINE,
                        "handOff",
                        "(Ljava/lang/Object;Ljava/lang/Object;)V",
                        false));
        at.add(new FieldInsnNode(Opcodes.GETSTATIC, AWAIT, "SUSPENDED", OBJECT_DESC));
        at.add(new InsnNode(Opcodes.ARETURN));
    }

    /** Rewrites every {@code areturn} of the copied body; see the class comment. */
    private static void returns(MethodNode d, String c, int tmp) {
        Set<LabelNode> referenced = StraightLine.referencedLabels(d);
        List<AbstractInsnNode> areturns = new ArrayList<>();
        for (AbstractInsnNode i : d.instructions) {
            if (i.getOpcode() == Opcodes.ARETURN) {
                areturns.add(i);
            }
        }
        LabelNode exit = new LabelNode();
        boolean exitUsed = false;
        for (AbstractInsnNode ret : areturns) {
            AbstractInsnNode prev = StraightLine.previousCode(ret, referenced);
            if (prev instanceof MethodInsnNode && isReadyOfValue((MethodInsnNode) prev)) {
                d.instructions.remove(prev);
                continue;
            }
            d.instructions.set(ret, new JumpInsnNode(Opcodes.GOTO, exit));
            exitUsed = true;
        }
        if (!exitUsed) {
            return;
        }
        InsnList in = new InsnList();
        LabelNode done = new LabelNode();
        in.add(exit);
        in.add(new InsnNode(Opcodes.DUP));
        in.add(new VarInsnNode(Opcodes.ALOAD, 1));
        in.add(
                new MethodInsnNode(
                        Opcodes.INVOKESTATIC,
                        AWAIT,
                        "returned",
                        "(Ljava/lang/Object;Ldev/weft/Context;)Ljava/lang/Object;",
                        false));
        ifNotSuspended(in, done);
        in.add(new InsnNode(Opcodes.POP));
        newCompanion(in, c, tmp);
        in.add(new VarInsnNode(Opcodes.ALOAD, tmp));
        in.add(new InsnNode(Opcodes.SWAP));
        in.add(
                new MethodInsnNode(
                        Opcodes.INVOKESTATIC,
                        COROUTINE,
                        "suspendOnTail",
                        "(Ljava/lang/Object;Ljava/lang/Object;)V",
                        false));
        handOffAndReturn(in, tmp);
        in.add(done);
        in.add(new InsnNode(Opcodes.SWAP));
        in.add(new InsnNode(Opcodes.POP));
        in.add(new InsnNode(Opcodes.ARETURN));
        d.instructions.add(in);
    }

    /** {@code Future.ready(Object)}: its result would only be unwrapped again by {@code Await.returned}. */
    private static boolean isReadyOfValue(MethodInsnNode call) {
        return call.getOpcode() == Opcodes.INVOKESTATIC
                && call.owner.equals(FUTURE)
                && call.name.equals("ready")
                && call.desc.equals("(Ljava/lang/Object;)Ldev/weft/Future;");
    }

    /** Locals 0..P-1 (params), P (cx), P+1 (root) become root, cx, params at 2..P+1. */
    private static InsnList prologue(String entryDesc) {
        Type[] args = Type.getArgumentTypes(entryDesc);
        int[] slot = new int[args.length];
        int next = 0;
        for (int i = 0; i < args.length; i++) {
            slot[i] = next;
            next += args[i].getSize();
        }
        int params = args.length - 2;
        InsnList in = new InsnList();
        in.add(new VarInsnNode(Opcodes.ALOAD, slot[params])); // cx
        in.add(new VarInsnNode(Opcodes.ALOAD, slot[params + 1])); // root
        for (int i = params - 1; i >= 0; i--) { // highest first: a target slot is free once moved
            in.add(new VarInsnNode(args[i].getOpcode(Opcodes.ILOAD), slot[i]));
            in.add(new VarInsnNode(args[i].getOpcode(Opcodes.ISTORE), slot[i] + BodyEmitter.SHIFT));
        }
        in.add(new VarInsnNode(Opcodes.ASTORE, 0));
        in.add(new VarInsnNode(Opcodes.ASTORE, 1));
        return in;
    }

    /** Deep copy of m's code into {@code d}; returns original node to copy. */
    private static Map<AbstractInsnNode, AbstractInsnNode> copyCode(MethodNode m, MethodNode d) {
        Map<LabelNode, LabelNode> labels = CodeCopy.freshLabels(m.instructions);
        Map<AbstractInsnNode, AbstractInsnNode> copyOf = new IdentityHashMap<>();
        InsnList in = new InsnList();
        for (AbstractInsnNode i : m.instructions) {
            AbstractInsnNode c = i.clone(labels);
            in.add(c);
            copyOf.put(i, c);
        }
        d.instructions = in;
        d.tryCatchBlocks = new ArrayList<>();
        if (m.tryCatchBlocks != null) {
            for (TryCatchBlockNode t : m.tryCatchBlocks) {
                d.tryCatchBlocks.add(CodeCopy.handler(t, labels));
            }
        }
        if (m.localVariables != null) {
            d.localVariables = new ArrayList<>();
            for (LocalVariableNode v : m.localVariables) {
                d.localVariables.add(CodeCopy.local(v, labels, v.index));
            }
        }
        return copyOf;
    }
}
