package dev.weft.agent.check;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/** The three calls the weaver turns into suspension points. */
public enum SuspensionKind {
    /** {@code Async.await(Future)}. */
    AWAIT_FUTURE,
    /** {@code Async.await(CompletionStage)}: adapted to a Future first. */
    AWAIT_STAGE,
    /** {@code Generator.yield(Object)}. */
    YIELD;

    public static final String ASYNC = "dev/weft/Async";
    public static final String GENERATOR = "dev/weft/Generator";

    /** The kind of suspension {@code insn} is, or null if it is none. */
    public static SuspensionKind of(AbstractInsnNode insn) {
        if (insn.getOpcode() != Opcodes.INVOKESTATIC) {
            return null;
        }
        MethodInsnNode m = (MethodInsnNode) insn;
        if (m.owner.equals(ASYNC) && m.name.equals("await")) {
            if (m.desc.equals("(Ldev/weft/Future;)Ljava/lang/Object;")) {
                return AWAIT_FUTURE;
            }
            if (m.desc.equals("(Ljava/util/concurrent/CompletionStage;)Ljava/lang/Object;")) {
                return AWAIT_STAGE;
            }
        }
        if (m.owner.equals(GENERATOR) && m.name.equals("yield") && m.desc.equals("(Ljava/lang/Object;)V")) {
            return YIELD;
        }
        return null;
    }

    public boolean isAwait() {
        return this != YIELD;
    }
}
