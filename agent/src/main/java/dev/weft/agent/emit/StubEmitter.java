package dev.weft.agent.emit;

import dev.weft.agent.plan.CompanionLayout;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The woven coroutine method's new body: {@code return Companion.weft$new(this, params...);}.
 * Nothing of the user's body runs here (lazy methods run on the first poll, eager ones inside
 * {@code start()}, generators on the first hasNext), so exceptions never come out of the call.
 */
public final class StubEmitter {

    private StubEmitter() {}

    public static void emit(ClassNode host, MethodNode m, CompanionLayout layout, int firstLine) {
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
                        CompanionEmitter.factoryDescriptor(host, m),
                        false));
        in.add(new InsnNode(Opcodes.ARETURN));
        m.instructions = in;
        m.tryCatchBlocks = new java.util.ArrayList<>();
        m.maxLocals = slot;
        m.maxStack = Math.max(1, slot);
    }
}
