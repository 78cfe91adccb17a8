package dev.weft.agent.emit;

import dev.weft.agent.analyze.TypeHierarchy;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/** Writing a woven host: marker, class-file version floor, frames computed against the TypePool. */
public final class WovenClasses {

    private WovenClasses() {}

    public static byte[] write(ClassNode host, TypeHierarchy hierarchy) {
        WovenMarker.mark(host);
        // JSR was inlined and frames are recomputed, so pre-Java-8 classes can be lifted to 52
        // (interface static methods and StackMapTable need it).
        if ((host.version & 0xFFFF) < Opcodes.V1_8) {
            host.version = Opcodes.V1_8;
        }
        PoolClassWriter cw = new PoolClassWriter(hierarchy);
        host.accept(cw);
        return cw.toByteArray();
    }

    /** The first source line of a body, for the stub's single line entry; {@code fallback} if none. */
    public static int firstLine(MethodNode body, int fallback) {
        for (AbstractInsnNode i : body.instructions) {
            if (i instanceof LineNumberNode) {
                return ((LineNumberNode) i).line;
            }
        }
        return fallback;
    }
}
