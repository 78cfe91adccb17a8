package dev.weft.agent.emit;

import dev.weft.agent.check.CoroutineKind;
import dev.weft.agent.check.PromiseTypes;
import dev.weft.agent.flow.BlockAnalyzer;
import dev.weft.agent.plan.CompanionLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * The woven coroutine method's new body: {@code return Companion.weft$new(this, params...);}.
 * Nothing of the user's body runs here (lazy methods run on the first poll, generators on the
 * first hasNext), so exceptions never come out of the call.
 *
 * <p>An eager method's stub also starts its companion, and inside a trampoline loop (every level
 * of an eager descent but the first) runs the body itself, in its own frame: a copy of the body's
 * code is inlined into the stub, so a level of an eager descent costs one Java frame, as a plain
 * call does (issue 12, point 4; the protocol is in {@code EagerCoroutine}, "Direct start"). The
 * body method stays, for resumptions and for the first call of a chain. A body too large to copy
 * (past {@link #INLINE_LIMIT} instructions, so the stub stays far from the JVM's 64 KB) or one
 * that returns with more than its value on the operand stack (not javac's shape) is called
 * instead, two frames a level. An exception of the body goes to the companion's promise, never
 * out of the stub:
 *
 * <pre>
 *   Object co = C.weft$new(this, params...);  P target = new P();  // or null, not a local
 *   Context cx = EagerCoroutine.beginDirect(co);                 // kept on the operand stack
 *   if (cx == null) return (R) EagerCoroutine.startOn(co, target);
 *   try { r = [H.body(co, cx), inlined]; } catch (Throwable t) { return (R) startedDirect(co, null, t, target); }
 *   return (R) EagerCoroutine.startedDirect(co, r, null, target);
 * </pre>
 */
public final class StubEmitter {

    private StubEmitter() {}

    /**
     * Bodies up to this many instructions are inlined into an eager stub: the copy at most
     * doubles a method's code, and javac's bodies this long are a few KB of bytecode.
     */
    static final int INLINE_LIMIT = 3000;

    /** As {@link #emit(ClassNode, MethodNode, CompanionLayout, int, MethodNode)}, the body called. */
    public static boolean emit(
            ClassNode host, MethodNode m, CompanionLayout layout, int firstLine) {
        return emit(host, m, layout, firstLine, null);
    }

    /**
     * Replaces {@code m}'s code with its stub; an eager stub inlines {@code body} (the method
     * {@link BodyEmitter} made of {@code m}) where it can, else calls it.
     *
     * @return whether the stub has branches (an eager method's), so needs stack map frames
     */
    public static boolean emit(
            ClassNode host, MethodNode m, CompanionLayout layout, int firstLine, MethodNode body) {
        InsnList in = new InsnList();
        if (firstLine > 0) {
            LabelNode l = new LabelNode();
            in.add(l);
            in.add(new LineNumberNode(firstLine, l));
        }
        int slot = 0;
        if ((m.access & Opcodes.ACC_STATIC) == 0) {
            in.add(new VarInsnNode(Opcodes.ALOAD, 0));
            slot = 1;
        }
        for (Type t : Type.getArgumentTypes(m.desc)) {
            in.add(new VarInsnNode(t.getOpcode(Opcodes.ILOAD), slot));
            slot += t.getSize();
        }
        in.add(
                new MethodInsnNode(
                        Opcodes.INVOKESTATIC,
                        layout.companionName,
                        "weft$new",
                        CompanionEmitter.factoryDescriptor(host, m, layout.kind),
                        false));
        m.tryCatchBlocks = new java.util.ArrayList<>();
        if (layout.kind == CoroutineKind.EAGER) {
            MethodNode inline = inlinable(host.name, body) ? body : null;
            startEager(in, host, m, layout, slot, inline);
            m.instructions = in;
            m.maxLocals = slot + 2 + (inline == null ? 0 : inline.maxLocals);
            m.maxStack = Math.max(Math.max(4, slot), inline == null ? 0 : inline.maxStack);
            return true;
        }
        in.add(new InsnNode(Opcodes.ARETURN));
        m.instructions = in;
        m.maxLocals = slot;
        m.maxStack = Math.max(1, slot);
        return false;
    }

    private static final String EAGER = "dev/weft/internal/coroutine/EagerCoroutine";
    private static final String OBJECT = "Ljava/lang/Object;";

    /**
     * {@code [co]}: the eager start of the class comment; locals from {@code slot} are free. The
     * context and a thrown exception stay on the operand stack, and {@code target} is a local
     * only for a CompletableFuture subclass: the stub is one of the two frames of every level of
     * an eager descent, so each slot counts.
     */
    private static void startEager(
            InsnList in,
            ClassNode host,
            MethodNode m,
            CompanionLayout layout,
            int slot,
            MethodNode inline) {
        int co = slot;
        in.add(new VarInsnNode(Opcodes.ASTORE, co));
        String declared = Type.getReturnType(m.desc).getInternalName();
        int target = PromiseTypes.isSubclass(declared) ? slot + 1 : -1;
        if (target >= 0) {
            // the declared CompletableFuture subclass, checked creatable by PromiseTypes.whyNot;
            // made before the body runs, as the factory made it before
            in.add(new TypeInsnNode(Opcodes.NEW, declared));
            in.add(new InsnNode(Opcodes.DUP));
            in.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, declared, "<init>", "()V", false));
            in.add(new VarInsnNode(Opcodes.ASTORE, target));
        }
        in.add(new VarInsnNode(Opcodes.ALOAD, co));
        in.add(
                new MethodInsnNode(
                        Opcodes.INVOKESTATIC,
                        EAGER,
                        "beginDirect",
                        "(" + OBJECT + ")Ldev/weft/Context;",
                        false));
        LabelNode direct = new LabelNode();
        in.add(new InsnNode(Opcodes.DUP));
        in.add(new JumpInsnNode(Opcodes.IFNONNULL, direct));
        in.add(new InsnNode(Opcodes.POP));
        in.add(new VarInsnNode(Opcodes.ALOAD, co));
        loadTarget(in, target);
        in.add(
                new MethodInsnNode(
                        Opcodes.INVOKESTATIC,
                        EAGER,
                        "startOn",
                        "(" + OBJECT + OBJECT + ")Ljava/util/concurrent/CompletableFuture;",
                        false));
        returnAs(in, declared, target >= 0);

        LabelNode from = new LabelNode();
        LabelNode to = new LabelNode();
        LabelNode handler = new LabelNode();
        in.add(direct); // [cx]
        in.add(from);
        in.add(new VarInsnNode(Opcodes.ALOAD, co));
        in.add(new InsnNode(Opcodes.SWAP));
        List<TryCatchBlockNode> inner = new ArrayList<>();
        if (inline != null) {
            inline(in, m, inline, co, target >= 0 ? slot + 2 : slot + 1, to, inner);
        } else {
            boolean itf = (host.access & Opcodes.ACC_INTERFACE) != 0;
            in.add(
                    new MethodInsnNode(
                            Opcodes.INVOKESTATIC,
                            host.name,
                            layout.bodyName,
                            CompanionEmitter.bodyDescriptor(layout),
                            itf));
        }
        in.add(to); // [returned]
        in.add(new VarInsnNode(Opcodes.ALOAD, co));
        in.add(new InsnNode(Opcodes.SWAP));
        in.add(new InsnNode(Opcodes.ACONST_NULL));
        startedDirect(in, target, declared);

        in.add(handler); // [thrown]
        in.add(new VarInsnNode(Opcodes.ALOAD, co));
        in.add(new InsnNode(Opcodes.SWAP));
        in.add(new InsnNode(Opcodes.ACONST_NULL));
        in.add(new InsnNode(Opcodes.SWAP));
        startedDirect(in, target, declared);
        // the body's own handlers first: the JVM takes the first range that covers the throw
        m.tryCatchBlocks.addAll(inner);
        m.tryCatchBlocks.add(new TryCatchBlockNode(from, to, handler, "java/lang/Throwable"));
    }

    /**
     * Whether {@code body} can be copied into its stub: small enough, no subroutines, and every
     * return leaves only its value on the operand stack (javac's shape), so that a return can
     * become a jump to the code after the call.
     */
    static boolean inlinable(String owner, MethodNode body) {
        if (body == null || body.instructions.size() > INLINE_LIMIT) {
            return false;
        }
        InsnList insns = body.instructions;
        boolean[] returns = new boolean[insns.size()];
        int stateStores = 0;
        for (int i = 0; i < returns.length; i++) {
            AbstractInsnNode insn = insns.get(i);
            int op = insn.getOpcode();
            if (op == Opcodes.JSR || op == Opcodes.RET) {
                return false;
            }
            if ((op == Opcodes.ASTORE && ((VarInsnNode) insn).var == 0)
                    && !(stateStores++ == 0 && isStateCast(insns, i))) {
                return false; // the state slot is shared with the stub's own reference
            }
            returns[i] = op == Opcodes.ARETURN;
        }
        Frame<BasicValue>[] frames;
        try {
            frames =
                    new BlockAnalyzer<BasicValue>(new BasicInterpreter()) {
                        @Override
                        protected boolean keep(int insn) {
                            return returns[insn];
                        }
                    }.analyze(owner, body, false);
        } catch (AnalyzerException e) {
            return false;
        }
        for (int i = 0; i < returns.length; i++) {
            if (returns[i] && frames[i] != null && frames[i].getStackSize() != 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether instruction {@code i}, a store to local 0, is the body's opening {@code aload_0;
     * checkcast; dup; astore_0}: it stores the state object again, with its companion type.
     */
    private static boolean isStateCast(InsnList insns, int i) {
        return i >= 3
                && insns.get(i - 1).getOpcode() == Opcodes.DUP
                && insns.get(i - 2).getOpcode() == Opcodes.CHECKCAST
                && insns.get(i - 3).getOpcode() == Opcodes.ALOAD
                && ((VarInsnNode) insns.get(i - 3)).var == 0;
    }

    /**
     * {@code [co, cx]}: the body's code in place of its call, each return a jump to {@code to}
     * with the value on the stack; its handlers go to {@code inner} and its local variable table
     * to the stub's. The body's local 0, the state object, is the stub's {@code co} (the body
     * only stores that object there again, {@link #isStateCast}); its locals from 1 on are the
     * stub's from {@code base} on.
     */
    private static void inline(
            InsnList in,
            MethodNode stub,
            MethodNode body,
            int co,
            int base,
            LabelNode to,
            List<TryCatchBlockNode> inner) {
        in.add(new VarInsnNode(Opcodes.ASTORE, base)); // cx
        in.add(new InsnNode(Opcodes.POP)); // co, already in its slot
        Map<LabelNode, LabelNode> labels = CodeCopy.freshLabels(body.instructions);
        for (AbstractInsnNode insn : body.instructions) {
            if (insn instanceof FrameNode) {
                continue; // the stub's frames are computed
            }
            if (insn.getOpcode() == Opcodes.ARETURN) {
                in.add(new JumpInsnNode(Opcodes.GOTO, to));
                continue;
            }
            AbstractInsnNode copy = insn.clone(labels);
            if (copy instanceof VarInsnNode) {
                ((VarInsnNode) copy).var = local(((VarInsnNode) copy).var, co, base);
            } else if (copy instanceof IincInsnNode) {
                ((IincInsnNode) copy).var = local(((IincInsnNode) copy).var, co, base);
            }
            in.add(copy);
        }
        for (TryCatchBlockNode t : body.tryCatchBlocks) {
            inner.add(CodeCopy.handler(t, labels));
        }
        if (body.localVariables != null) {
            if (stub.localVariables == null) {
                stub.localVariables = new ArrayList<>();
            }
            for (LocalVariableNode v : body.localVariables) {
                stub.localVariables.add(CodeCopy.local(v, labels, local(v.index, co, base)));
            }
        }
    }

    /** The stub's slot for the body's local {@code index}. */
    private static int local(int index, int co, int base) {
        return index == 0 ? co : base + index - 1;
    }

    private static void loadTarget(InsnList in, int target) {
        in.add(
                target >= 0
                        ? new VarInsnNode(Opcodes.ALOAD, target)
                        : new InsnNode(Opcodes.ACONST_NULL));
    }

    /** {@code [co, returned, thrown]}: return startedDirect(co, returned, thrown, target). */
    private static void startedDirect(InsnList in, int target, String declared) {
        loadTarget(in, target);
        in.add(
                new MethodInsnNode(
                        Opcodes.INVOKESTATIC,
                        EAGER,
                        "startedDirect",
                        "("
                                + OBJECT
                                + OBJECT
                                + "Ljava/lang/Throwable;"
                                + OBJECT
                                + ")Ljava/util/concurrent/CompletableFuture;",
                        false));
        returnAs(in, declared, target >= 0);
    }

    /** {@code [CompletableFuture]}: returned as the declared type. */
    private static void returnAs(InsnList in, String declared, boolean subclass) {
        if (subclass) {
            in.add(new TypeInsnNode(Opcodes.CHECKCAST, declared));
        }
        in.add(new InsnNode(Opcodes.ARETURN));
    }
}
