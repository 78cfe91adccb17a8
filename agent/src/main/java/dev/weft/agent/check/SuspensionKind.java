package dev.weft.agent.check;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * The three calls the weaver turns into suspension points. {@code Async.await(Future, Class)} and
 * {@code Async.await(CompletionStage, Class)} are the same points as their one-argument forms: the
 * class only tells javac what may be thrown, and normalize drops it
 * ({@link dev.weft.agent.normalize.MayThrowArguments}).
 */
public enum SuspensionKind {
    /** {@code Async.await(Future)}, or {@code Async.await(Future, Class)}. */
    AWAIT_FUTURE,
    /** {@code Async.await(CompletionStage)} (or with a Class): adapted to a Future first. */
    AWAIT_STAGE,
    /** {@code Generator.yield(Object)}. */
    YIELD;

    public static final String ASYNC = "dev/weft/Async";
    public static final String GENERATOR = "dev/weft/Generator";

    /** Descriptors of the await calls: the plain forms, and the forms with a may-throw class. */
    public static final String AWAIT_FUTURE_DESC = "(Ldev/weft/Future;)Ljava/lang/Object;";

    public static final String AWAIT_STAGE_DESC =
            "(Ljava/util/concurrent/CompletionStage;)Ljava/lang/Object;";
    public static final String AWAIT_FUTURE_MAY_THROW_DESC =
            "(Ldev/weft/Future;Ljava/lang/Class;)Ljava/lang/Object;";
    public static final String AWAIT_STAGE_MAY_THROW_DESC =
            "(Ljava/util/concurrent/CompletionStage;Ljava/lang/Class;)Ljava/lang/Object;";

    /** The kind of suspension {@code insn} is, or null if it is none. */
    public static SuspensionKind of(AbstractInsnNode insn) {
        if (insn.getOpcode() != Opcodes.INVOKESTATIC) {
            return null;
        }
        MethodInsnNode m = (MethodInsnNode) insn;
        if (m.owner.equals(ASYNC) && m.name.equals("await")) {
            if (m.desc.equals(AWAIT_FUTURE_DESC) || m.desc.equals(AWAIT_FUTURE_MAY_THROW_DESC)) {
                return AWAIT_FUTURE;
            }
            if (m.desc.equals(AWAIT_STAGE_DESC) || m.desc.equals(AWAIT_STAGE_MAY_THROW_DESC)) {
                return AWAIT_STAGE;
            }
        }
        if (m.owner.equals(GENERATOR)
                && m.name.equals("yield")
                && m.desc.equals("(Ljava/lang/Object;)V")) {
            return YIELD;
        }
        return null;
    }

    public boolean isAwait() {
        return this != YIELD;
    }
}
