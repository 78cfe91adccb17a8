package dev.weft.agent.normalize;

import dev.weft.agent.check.SuspensionKind;
import dev.weft.agent.check.SuspensionPoint;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Turns {@code Async.await(f, X.class)} into {@code Async.await(f)}: the class argument exists only
 * so that javac accepts {@code catch (X e)} (issue 14), so every later stage sees one await form and
 * the typed form costs nothing at run time.
 *
 * <p>The call node keeps its identity (only its descriptor changes), so the check stage's
 * {@link SuspensionPoint}s stay valid. The argument's own instruction is deleted when it has no
 * effect ({@code ldc X.class}, as javac compiles a class literal, or a load of a local) and
 * directly precedes the call; this keeps {@code await(m(), X.class)} a candidate for a direct
 * await, whose callee must be the instruction right before the await. Any other argument is
 * evaluated as written and popped.
 */
public final class MayThrowArguments {

    private MayThrowArguments() {}

    /** Rewrites every two-argument await of {@code points} in {@code m}; returns whether any. */
    public static boolean drop(MethodNode m, List<SuspensionPoint> points) {
        boolean changed = false;
        for (SuspensionPoint p : points) {
            MethodInsnNode call = p.call;
            String plain;
            if (call.desc.equals(SuspensionKind.AWAIT_FUTURE_MAY_THROW_DESC)) {
                plain = SuspensionKind.AWAIT_FUTURE_DESC;
            } else if (call.desc.equals(SuspensionKind.AWAIT_STAGE_MAY_THROW_DESC)) {
                plain = SuspensionKind.AWAIT_STAGE_DESC;
            } else {
                continue;
            }
            AbstractInsnNode prev = call.getPrevious();
            if (isClassLiteral(prev) || (prev != null && prev.getOpcode() == Opcodes.ALOAD)) {
                m.instructions.remove(prev);
            } else {
                m.instructions.insertBefore(call, new InsnNode(Opcodes.POP));
            }
            call.desc = plain;
            changed = true;
        }
        return changed;
    }

    private static boolean isClassLiteral(AbstractInsnNode insn) {
        return insn instanceof LdcInsnNode
                && ((LdcInsnNode) insn).cst instanceof Type
                && ((Type) ((LdcInsnNode) insn).cst).getSort() != Type.METHOD;
    }
}
