package dev.weft.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Future;
import dev.weft.testkit.Poller;
import net.bytebuddy.dynamic.ClassFileLocator;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A Java 5 class file whose async method uses a JSR/RET subroutine (as javac 1.4 compiled
 * finally blocks): the reader inlines the subroutine and the woven class is lifted to version 52.
 */
class OldClassFileTest {

    /** {@code static Future m() { int x; jsr S; x = await(Leaf.of(41)); return Future.ready(x + 1); S: astore r; ret r }}. */
    private static byte[] java5ClassWithJsr() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(
                Opcodes.V1_5,
                Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER,
                "old/Legacy",
                null,
                "java/lang/Object",
                null);
        MethodVisitor mv =
                cw.visitMethod(
                        Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC,
                        "m",
                        "()Ldev/weft/Future;",
                        null,
                        null);
        mv.visitCode();
        Label sub = new Label();
        mv.visitJumpInsn(Opcodes.JSR, sub);
        mv.visitIntInsn(Opcodes.BIPUSH, 41);
        mv.visitMethodInsn(
                Opcodes.INVOKESTATIC,
                "java/lang/Integer",
                "valueOf",
                "(I)Ljava/lang/Integer;",
                false);
        mv.visitMethodInsn(
                Opcodes.INVOKESTATIC,
                "dev/weft/testkit/Leaf",
                "of",
                "(Ljava/lang/Object;)Ldev/weft/testkit/Leaf;",
                false);
        mv.visitMethodInsn(
                Opcodes.INVOKESTATIC,
                "dev/weft/Async",
                "await",
                "(Ldev/weft/Future;)Ljava/lang/Object;",
                false);
        mv.visitTypeInsn(Opcodes.CHECKCAST, "java/lang/Integer");
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Integer", "intValue", "()I", false);
        mv.visitVarInsn(Opcodes.ISTORE, 0);
        mv.visitJumpInsn(Opcodes.JSR, sub);
        mv.visitVarInsn(Opcodes.ILOAD, 0);
        mv.visitInsn(Opcodes.ICONST_1);
        mv.visitInsn(Opcodes.IADD);
        mv.visitMethodInsn(
                Opcodes.INVOKESTATIC,
                "java/lang/Integer",
                "valueOf",
                "(I)Ljava/lang/Integer;",
                false);
        mv.visitMethodInsn(
                Opcodes.INVOKESTATIC,
                "dev/weft/Future",
                "ready",
                "(Ljava/lang/Object;)Ldev/weft/Future;",
                true);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitLabel(sub);
        mv.visitVarInsn(Opcodes.ASTORE, 1);
        mv.visitVarInsn(Opcodes.RET, 1);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsrIsInlinedAndTheClassWovenAndRun() throws Exception {
        byte[] original = java5ClassWithJsr();
        WeaveResult r =
                Weaver.weave(
                        original,
                        new ClassFileLocator.Compound(
                                ClassFileLocator.Simple.of("old.Legacy", original),
                                ClassFileLocator.ForClassLoader.of(getClass().getClassLoader())));
        assertEquals(Opcodes.V1_8, ((r.bytes[6] & 0xFF) << 8 | (r.bytes[7] & 0xFF)));
        ClassLoader loader =
                new ClassLoader(getClass().getClassLoader()) {
                    @Override
                    protected Class<?> findClass(String name) throws ClassNotFoundException {
                        if (name.equals("old.Legacy")) {
                            return defineClass(name, r.bytes, 0, r.bytes.length);
                        }
                        throw new ClassNotFoundException(name);
                    }
                };
        Class<?> c = Class.forName("old.Legacy", true, loader);
        for (boolean pending : new boolean[] {false, true}) {
            SampleRunner.mode(pending);
            try {
                Future<Integer> f = (Future<Integer>) c.getMethod("m").invoke(null);
                assertEquals(42, Poller.drive(f));
            } finally {
                SampleRunner.mode(false);
            }
        }
    }
}
