package dev.weft.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Future;
import dev.weft.agent.hierarchy.TypeHierarchy;
import dev.weft.agent.verify.WovenClassVerifier;
import dev.weft.testkit.Drive;
import dev.weft.testkit.Poller;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.dynamic.ClassFileLocator;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Objects under construction (a NEW before its {@code <init>}): the verify stage sees what ASM's
 * verifiers miss and HotSpot rejects, and normalize refuses, located, a shape it cannot move.
 */
class UninitializedObjectsTest {

    private static final String SB = "java/lang/StringBuilder";

    private static final class Loader extends ClassLoader {
        Loader() {
            super(UninitializedObjectsTest.class.getClassLoader());
        }

        Class<?> define(byte[] b) {
            return defineClass(null, b, 0, b.length);
        }
    }

    /**
     * The two halves of saving an object under construction across a suspension: {@code save}
     * stores it in a field, {@code restore} initializes what it reads back. ASM's SimpleVerifier
     * accepts both (a NEW is just a StringBuilder to it).
     */
    private static byte[] brokenClass() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(
                Opcodes.V17,
                Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER,
                "gen/Saved",
                null,
                "java/lang/Object",
                null);
        cw.visitField(Opcodes.ACC_STATIC, "slot", "Ljava/lang/Object;", null, null).visitEnd();
        MethodVisitor save =
                cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "save", "()V", null, null);
        save.visitCode();
        save.visitTypeInsn(Opcodes.NEW, SB);
        save.visitVarInsn(Opcodes.ASTORE, 0);
        save.visitVarInsn(Opcodes.ALOAD, 0);
        save.visitFieldInsn(Opcodes.PUTSTATIC, "gen/Saved", "slot", "Ljava/lang/Object;");
        save.visitInsn(Opcodes.RETURN);
        save.visitMaxs(0, 0);
        save.visitEnd();
        MethodVisitor restore =
                cw.visitMethod(
                        Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC,
                        "restore",
                        "()Ljava/lang/Object;",
                        null,
                        null);
        restore.visitCode();
        restore.visitFieldInsn(Opcodes.GETSTATIC, "gen/Saved", "slot", "Ljava/lang/Object;");
        restore.visitTypeInsn(Opcodes.CHECKCAST, SB);
        restore.visitInsn(Opcodes.DUP);
        restore.visitMethodInsn(Opcodes.INVOKESPECIAL, SB, "<init>", "()V", false);
        restore.visitInsn(Opcodes.ARETURN);
        restore.visitMaxs(0, 0);
        restore.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    @Test
    void theVerifyStageRejectsSavedAndReinitializedObjectsUnderConstruction() throws Exception {
        byte[] b = brokenClass();
        TypeHierarchy h =
                new TypeHierarchy(ClassFileLocator.ForClassLoader.of(getClass().getClassLoader()));
        Map<String, String> problems =
                WovenClassVerifier.methodProblems(
                        b, h, Set.of("save()V", "restore()Ljava/lang/Object;"));
        assertEquals(Set.of("save()V", "restore()Ljava/lang/Object;"), problems.keySet());
        assertTrue(
                problems.get("save()V")
                        .contains("uses an uninitialized object (new java/lang/StringBuilder"),
                problems.toString());
        assertTrue(
                problems.get("restore()Ljava/lang/Object;")
                        .contains("<init> called on a value that is not"),
                problems.toString());
        assertEquals(
                2,
                WovenClassVerifier.verify(b, h).size(),
                WovenClassVerifier.verify(b, h).toString());
        // and HotSpot, the ground truth, agrees
        Class<?> c = new Loader().define(b);
        assertThrows(VerifyError.class, () -> c.getMethod("save").invoke(null));
    }

    /**
     * {@code swapped}: {@code new StringBuilder((String) await(Leaf.of("x")))} with SWAP; SWAP
     * around the awaited value, legal bytecode that javac never emits; {@code invalid}: the
     * object under construction used by a call before its constructor, which no verifier accepts.
     */
    private static byte[] swappedClass() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(
                Opcodes.V17,
                Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER,
                "gen/Swapped",
                null,
                "java/lang/Object",
                null);
        cw.visitSource("Swapped.java", null);
        MethodVisitor ok =
                cw.visitMethod(
                        Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC,
                        "ok",
                        "()Ldev/weft/Future;",
                        null,
                        null);
        ok.visitCode();
        line(ok, 3);
        ok.visitTypeInsn(Opcodes.NEW, SB);
        ok.visitInsn(Opcodes.DUP);
        leafAwait(ok, "fine");
        ok.visitMethodInsn(Opcodes.INVOKESPECIAL, SB, "<init>", "(Ljava/lang/String;)V", false);
        ok.visitMethodInsn(Opcodes.INVOKEVIRTUAL, SB, "toString", "()Ljava/lang/String;", false);
        ok.visitMethodInsn(
                Opcodes.INVOKESTATIC,
                "dev/weft/Future",
                "ready",
                "(Ljava/lang/Object;)Ldev/weft/Future;",
                true);
        ok.visitInsn(Opcodes.ARETURN);
        ok.visitMaxs(0, 0);
        ok.visitEnd();
        MethodVisitor m =
                cw.visitMethod(
                        Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC,
                        "swapped",
                        "()Ldev/weft/Future;",
                        null,
                        null);
        m.visitCode();
        line(m, 7);
        m.visitTypeInsn(Opcodes.NEW, SB);
        m.visitInsn(Opcodes.DUP);
        line(m, 8);
        leafAwait(m, "x");
        m.visitInsn(Opcodes.SWAP);
        m.visitInsn(Opcodes.SWAP);
        m.visitMethodInsn(Opcodes.INVOKESPECIAL, SB, "<init>", "(Ljava/lang/String;)V", false);
        m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, SB, "toString", "()Ljava/lang/String;", false);
        m.visitMethodInsn(
                Opcodes.INVOKESTATIC,
                "dev/weft/Future",
                "ready",
                "(Ljava/lang/Object;)Ldev/weft/Future;",
                true);
        m.visitInsn(Opcodes.ARETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        MethodVisitor bad =
                cw.visitMethod(
                        Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC,
                        "invalid",
                        "()Ldev/weft/Future;",
                        null,
                        null);
        bad.visitCode();
        line(bad, 11);
        bad.visitTypeInsn(Opcodes.NEW, SB);
        bad.visitInsn(Opcodes.DUP);
        line(bad, 12);
        leafAwait(bad, "y");
        bad.visitInsn(Opcodes.POP);
        bad.visitMethodInsn(Opcodes.INVOKEVIRTUAL, SB, "toString", "()Ljava/lang/String;", false);
        bad.visitMethodInsn(Opcodes.INVOKESPECIAL, SB, "<init>", "(Ljava/lang/String;)V", false);
        bad.visitInsn(Opcodes.ACONST_NULL);
        bad.visitInsn(Opcodes.ARETURN);
        bad.visitMaxs(0, 0);
        bad.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void line(MethodVisitor m, int line) {
        Label l = new Label();
        m.visitLabel(l);
        m.visitLineNumber(line, l);
    }

    /** pushes (String) await(Leaf.of(value)) */
    private static void leafAwait(MethodVisitor m, String value) {
        m.visitLdcInsn(value);
        m.visitMethodInsn(
                Opcodes.INVOKESTATIC,
                "dev/weft/testkit/Leaf",
                "of",
                "(Ljava/lang/Object;)Ldev/weft/testkit/Leaf;",
                false);
        m.visitMethodInsn(
                Opcodes.INVOKESTATIC,
                "dev/weft/Async",
                "await",
                "(Ldev/weft/Future;)Ljava/lang/Object;",
                false);
        m.visitTypeInsn(Opcodes.CHECKCAST, "java/lang/String");
    }

    @Test
    void anAllocationMovedByStackInstructionsIsWovenAndOnlyInvalidCodeIsRejectedAtTheAwaitsLine()
            throws Throwable {
        byte[] b = swappedClass();
        WeaveResult r =
                Weaver.weave(
                        b,
                        new ClassFileLocator.Compound(
                                ClassFileLocator.Simple.of("gen.Swapped", b),
                                ClassFileLocator.ForClassLoader.of(getClass().getClassLoader())));
        assertNotNull(r);
        assertEquals(1, r.rejections.size(), r.rejections.toString());
        String message = r.rejections.get(0).message;
        assertTrue(
                message.startsWith(
                        "gen.Swapped.invalid(Swapped.java:12): weft: cannot weave this method (an object"
                                + " under construction (new java.lang.StringBuilder) is live across this suspension and the method"
                                + " does not verify: "),
                message);
        assertTrue(message.contains("uses an uninitialized object"), message);
        Class<?> c = new Loader().define(r.bytes);
        for (boolean pending : new boolean[] {false, true}) {
            SampleRunner.mode(pending);
            long before = Drive.pendingPolls();
            try {
                assertEquals("fine", Poller.drive((Future<?>) c.getMethod("ok").invoke(null)));
                assertEquals("x", Poller.drive((Future<?>) c.getMethod("swapped").invoke(null)));
                assertEquals(pending ? 2 : 0, Drive.pendingPolls() - before);
                InvocationTargetException e =
                        assertThrows(
                                InvocationTargetException.class,
                                () -> c.getMethod("invalid").invoke(null));
                assertEquals(message, e.getCause().getMessage());
            } finally {
                SampleRunner.mode(false);
            }
        }
    }
}
