package dev.weft.agent.read;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.JSRInlinerAdapter;
import org.objectweb.asm.tree.ClassNode;

/** Reads class bytes into a {@link ClassNode} with subroutines inlined (frames kept as read). */
public final class ClassReading {

    private ClassReading() {}

    public static ClassNode read(byte[] bytes) throws UnreadableClassException {
        try {
            ClassReader reader = new ClassReader(bytes);
            ClassNode node =
                    new ClassNode(Opcodes.ASM9) {
                        @Override
                        public MethodVisitor visitMethod(
                                int access,
                                String name,
                                String descriptor,
                                String signature,
                                String[] exceptions) {
                            MethodVisitor mv =
                                    super.visitMethod(
                                            access, name, descriptor, signature, exceptions);
                            // JSR/RET are illegal from class file version 51 (Java 7) on: the
                            // inliner, which
                            // buffers every method in a MethodNode of its own and copies it, is
                            // only for older code
                            return (version & 0xFFFF) < Opcodes.V1_7
                                    ? new JSRInlinerAdapter(
                                            mv, access, name, descriptor, signature, exceptions)
                                    : mv;
                        }
                    };
            reader.accept(node, 0);
            return node;
        } catch (RuntimeException e) {
            throw new UnreadableClassException(String.valueOf(e.getMessage()), e);
        }
    }
}
