package dev.weft.agent.normalize;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/** Allocates new local slots above the method's current ones, and the load/store for a sort. */
final class FreshLocals {

    private FreshLocals() {}

    static int allocate(MethodNode m, int size) {
        int slot = m.maxLocals;
        m.maxLocals += size;
        return slot;
    }

    static VarInsnNode store(Type t, int slot) {
        return new VarInsnNode(t.getOpcode(Opcodes.ISTORE), slot);
    }

    static VarInsnNode load(Type t, int slot) {
        return new VarInsnNode(t.getOpcode(Opcodes.ILOAD), slot);
    }
}
