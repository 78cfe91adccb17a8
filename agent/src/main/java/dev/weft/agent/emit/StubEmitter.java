package dev.weft.agent.emit;

import dev.weft.agent.check.CoroutineKind;
import dev.weft.agent.check.PromiseTypes;
import dev.weft.agent.plan.CompanionLayout;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The woven coroutine method's new body: {@code return Companion.weft$new(this, params...);}.
 * Nothing of the user's body runs here (lazy methods run on the first poll, generators on the
 * first hasNext), so exceptions never come out of the call.
 *
 * <p>An eager method's stub also starts its companion, and inside a trampoline loop (every level
 * of an eager descent but the first) calls the body itself, so a level of descent costs two Java
 * frames, the stub and the body, as a plain call costs one (issue 12, point 4; the protocol is in
 * {@code EagerCoroutine}, "Direct start"). An exception of the body goes to the companion's
 * promise, never out of the stub:
 *
 * <pre>
 *   Object co = C.weft$new(this, params...);  P target = new P();  // or null, not a local
 *   Context cx = EagerCoroutine.beginDirect(co);                 // kept on the operand stack
 *   if (cx == null) return (R) EagerCoroutine.startOn(co, target);
 *   try { r = H.body(co, cx); } catch (Throwable t) { return (R) startedDirect(co, null, t, target); }
 *   return (R) EagerCoroutine.startedDirect(co, r, null, target);
 * </pre>
 */
public final class StubEmitter {

    private StubEmitter() {}

    /**
     * Replaces {@code m}'s code with its stub.
     *
     * @return whether the stub has branches (an eager method's), so needs stack map frames
     */
    public static boolean emit(
            ClassNode host, MethodNode m, CompanionLayout layout, int firstLine) {
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
            startEager(in, host, m, layout, slot);
            m.instructions = in;
            m.maxLocals = slot + 2;
            m.maxStack = Math.max(4, slot);
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
            InsnList in, ClassNode host, MethodNode m, CompanionLayout layout, int slot) {
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
        boolean itf = (host.access & Opcodes.ACC_INTERFACE) != 0;
        in.add(
                new MethodInsnNode(
                        Opcodes.INVOKESTATIC,
                        host.name,
                        layout.bodyName,
                        CompanionEmitter.bodyDescriptor(layout),
                        itf));
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
        m.tryCatchBlocks.add(new TryCatchBlockNode(from, to, handler, "java/lang/Throwable"));
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
