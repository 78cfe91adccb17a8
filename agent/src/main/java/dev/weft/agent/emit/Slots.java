package dev.weft.agent.emit;

import dev.weft.agent.plan.Slot;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/** The save and restore sequences for planned slots; {@code shift} maps original locals to body locals. */
final class Slots {

    private Slots() {}

    /** companion.field = local. */
    static void save(InsnList out, String companion, int companionLocal, Slot s, int shift) {
        if (s.field == null) {
            return;
        }
        out.add(new VarInsnNode(Opcodes.ALOAD, companionLocal));
        out.add(new VarInsnNode(s.type.getOpcode(Opcodes.ILOAD), s.local + shift));
        out.add(new FieldInsnNode(Opcodes.PUTFIELD, companion, s.field, s.fieldDesc));
    }

    /** local = (Type) companion.field, then companion.field = null for references. */
    static void restore(InsnList out, String companion, int companionLocal, Slot s, int shift) {
        int store = s.type.getOpcode(Opcodes.ISTORE);
        if (s.field == null) {
            out.add(new InsnNode(Opcodes.ACONST_NULL));
            out.add(new VarInsnNode(Opcodes.ASTORE, s.local + shift));
            return;
        }
        out.add(new VarInsnNode(Opcodes.ALOAD, companionLocal));
        out.add(new FieldInsnNode(Opcodes.GETFIELD, companion, s.field, s.fieldDesc));
        if (s.isReference()) {
            if (!s.type.getDescriptor().equals("Ljava/lang/Object;")) {
                out.add(new TypeInsnNode(Opcodes.CHECKCAST, s.type.getInternalName()));
            }
            out.add(new VarInsnNode(Opcodes.ASTORE, s.local + shift));
            out.add(new VarInsnNode(Opcodes.ALOAD, companionLocal));
            out.add(new InsnNode(Opcodes.ACONST_NULL));
            out.add(new FieldInsnNode(Opcodes.PUTFIELD, companion, s.field, s.fieldDesc));
        } else {
            out.add(new VarInsnNode(store, s.local + shift));
        }
    }

    static void pushInt(InsnList out, int v) {
        if (v >= -1 && v <= 5) {
            out.add(new InsnNode(Opcodes.ICONST_0 + v));
        } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
            out.add(new IntInsnNode(Opcodes.BIPUSH, v));
        } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            out.add(new IntInsnNode(Opcodes.SIPUSH, v));
        } else {
            out.add(new LdcInsnNode(v));
        }
    }
}
