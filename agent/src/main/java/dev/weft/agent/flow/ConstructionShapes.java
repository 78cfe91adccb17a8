package dev.weft.agent.flow;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * A linear pre-check that spares the full uninitialized-object analysis
 * ({@link UninitializedObjects}, a second data-flow pass) for the common
 * shape: every object is constructed in one straight run,
 * {@code NEW T; DUP; <pushes of constants or locals>; INVOKESPECIAL T.<init>}, with no label
 * (so no jump or handler can enter the run) and one push per constructor argument.
 *
 * <p>Why that is enough: in such a run the uninitialized object lives only on the operand stack,
 * is never stored, passed or merged, and its {@code <init>} consumes it (the DUP copy becomes the
 * initialized result). If every {@code NEW} and every {@code INVOKESPECIAL <init>} of a
 * non-constructor method sits in such a run, no instruction of the method can see an
 * uninitialized object, which is exactly what the full analysis would conclude. Anything else
 * (a call or a branch among the arguments, a stored NEW...) answers false and the caller runs the
 * full analysis: this only decides when the expensive check can be skipped, never that code is bad.
 */
public final class ConstructionShapes {

    private ConstructionShapes() {}

    public static boolean allImmediate(MethodNode m) {
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            int op = i.getOpcode();
            if (op == Opcodes.NEW) {
                AbstractInsnNode end = immediateRun((TypeInsnNode) i);
                if (end == null) {
                    return false;
                }
                i = end;
            } else if (op == Opcodes.INVOKESPECIAL && ((MethodInsnNode) i).name.equals("<init>")) {
                return false; // an <init> outside a run: super/this calls belong to constructors
                // only
            }
        }
        return true;
    }

    /** The {@code <init>} call that ends the straight run starting at {@code n}, or null. */
    private static AbstractInsnNode immediateRun(TypeInsnNode n) {
        AbstractInsnNode i = n.getNext();
        if (i == null || i.getOpcode() != Opcodes.DUP) {
            return null;
        }
        int pushed = 0;
        for (i = i.getNext(); i != null; i = i.getNext()) {
            if (i instanceof LabelNode) {
                return null;
            }
            int op = i.getOpcode();
            if (op < 0) {
                continue; // line numbers and frames carry no code
            }
            if (op == Opcodes.INVOKESPECIAL) {
                MethodInsnNode c = (MethodInsnNode) i;
                return c.name.equals("<init>")
                                && c.owner.equals(n.desc)
                                && Type.getArgumentCount(c.desc) == pushed
                        ? c
                        : null;
            }
            if (!pushesOne(op)) {
                return null;
            }
            pushed++;
        }
        return null;
    }

    /** Instructions that push one value (of any size) and touch nothing else. */
    private static boolean pushesOne(int op) {
        return (op >= Opcodes.ACONST_NULL && op <= Opcodes.LDC) // constants, BIPUSH, SIPUSH, LDC
                || (op >= Opcodes.ILOAD && op <= Opcodes.ALOAD);
    }
}
