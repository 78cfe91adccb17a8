package dev.weft.agent.emit;

import dev.weft.agent.check.Rejection;
import dev.weft.agent.check.SuspensionPoint;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * A rejected method throws {@code IllegalStateException(<message>)} when called. Its body is
 * replaced at entry, except for static initializers: there each suspension call throws instead,
 * so that a class whose initializer never reaches the await still initializes.
 */
public final class RejectionEmitter {

    private RejectionEmitter() {}

    public static void emit(MethodNode m, Rejection r, List<SuspensionPoint> points) {
        if (m.name.equals("<clinit>")) {
            for (SuspensionPoint p : points) {
                InsnList at = new InsnList();
                for (int k = Type.getArgumentTypes(p.call.desc).length; k > 0; k--) {
                    at.add(
                            new InsnNode(
                                    Opcodes.POP)); // the future or yielded value (and a may-throw
                    // class)
                }
                throwing(at, r.message);
                m.instructions.insertBefore(p.call, at);
                // keep the stack shape javac expects after the call (unreachable, but verified)
                if (Type.getReturnType(p.call.desc).getSort() != Type.VOID) {
                    m.instructions.insertBefore(p.call, new InsnNode(Opcodes.ACONST_NULL));
                }
                m.instructions.remove(p.call);
            }
            return;
        }
        InsnList in = new InsnList();
        if (r.line > 0) {
            LabelNode l = new LabelNode();
            in.add(l);
            in.add(new LineNumberNode(r.line, l));
        }
        throwing(in, r.message);
        m.instructions = in;
        m.tryCatchBlocks = new ArrayList<>();
        m.localVariables = null;
        m.visibleLocalVariableAnnotations = null;
        m.invisibleLocalVariableAnnotations = null;
        m.maxStack = 3;
    }

    /** Throws {@code new IllegalStateException(message)}. */
    static void throwing(InsnList in, String message) {
        in.add(new TypeInsnNode(Opcodes.NEW, "java/lang/IllegalStateException"));
        in.add(new InsnNode(Opcodes.DUP));
        in.add(new LdcInsnNode(message));
        in.add(
                new MethodInsnNode(
                        Opcodes.INVOKESPECIAL,
                        "java/lang/IllegalStateException",
                        "<init>",
                        "(Ljava/lang/String;)V",
                        false));
        in.add(new InsnNode(Opcodes.ATHROW));
    }
}
