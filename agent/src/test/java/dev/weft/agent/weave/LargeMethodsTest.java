package dev.weft.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Future;
import dev.weft.testkit.Poller;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.stream.Collectors;
import net.bytebuddy.dynamic.ClassFileLocator;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Methods near the JVM's limits, generated with ASM (javac source for them would be thousands of
 * lines): one that must be woven although computing its frames takes more memory than ASM allows
 * by default, and one whose woven form cannot fit in 64 KB, which must be rejected alone.
 */
class LargeMethodsTest {

    private static final String NAME = "gen/Big";
    private static final int AWAIT_LINE = 5000;

    /**
     * {@code small()} awaits once; {@code many()} stores {@code locals} ints, awaits (line
     * {@link #AWAIT_LINE}), and returns their sum. With {@code lines}, every store has its own line
     * number (as javac's one-statement-per-line code does), so every one starts a basic block.
     */
    static byte[] bigClass(int locals, boolean lines) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS); // straight-line code: no frames
        cw.visit(
                Opcodes.V17,
                Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER,
                NAME,
                null,
                "java/lang/Object",
                null);
        cw.visitSource("Big.java", null);

        MethodVisitor s =
                cw.visitMethod(
                        Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC,
                        "small",
                        "()Ldev/weft/Future;",
                        null,
                        null);
        s.visitCode();
        line(s, 1);
        s.visitLdcInsn("small");
        leafAwait(s);
        s.visitMethodInsn(
                Opcodes.INVOKESTATIC,
                "dev/weft/Future",
                "ready",
                "(Ljava/lang/Object;)Ldev/weft/Future;",
                true);
        s.visitInsn(Opcodes.ARETURN);
        s.visitMaxs(0, 0);
        s.visitEnd();

        MethodVisitor m =
                cw.visitMethod(
                        Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC,
                        "many",
                        "()Ldev/weft/Future;",
                        null,
                        null);
        m.visitCode();
        for (int i = 0; i < locals; i++) {
            if (lines) {
                line(m, 10 + i);
            }
            m.visitLdcInsn(i);
            m.visitVarInsn(Opcodes.ISTORE, i);
        }
        line(m, AWAIT_LINE);
        m.visitLdcInsn("x");
        leafAwait(m);
        m.visitInsn(Opcodes.POP);
        m.visitInsn(Opcodes.ICONST_0);
        for (int i = 0; i < locals; i++) {
            if (lines) {
                line(m, AWAIT_LINE + 1 + i);
            }
            m.visitVarInsn(Opcodes.ILOAD, i);
            m.visitInsn(Opcodes.IADD);
        }
        m.visitMethodInsn(
                Opcodes.INVOKESTATIC,
                "java/lang/Integer",
                "valueOf",
                "(I)Ljava/lang/Integer;",
                false);
        m.visitMethodInsn(
                Opcodes.INVOKESTATIC,
                "dev/weft/Future",
                "ready",
                "(Ljava/lang/Object;)Ldev/weft/Future;",
                true);
        m.visitInsn(Opcodes.ARETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void line(MethodVisitor m, int line) {
        Label l = new Label();
        m.visitLabel(l);
        m.visitLineNumber(line, l);
    }

    /** [value] -> await(Leaf.of(value)) */
    private static void leafAwait(MethodVisitor m) {
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
    }

    /** Defines a woven class (its companions are defined by its own static initializer). */
    static final class Loader extends ClassLoader {
        Loader() {
            super(LargeMethodsTest.class.getClassLoader());
        }

        Class<?> define(byte[] bytes) {
            return defineClass(null, bytes, 0, bytes.length);
        }
    }

    private static WeaveResult weave(byte[] bytes) throws Exception {
        WeaveResult r =
                Weaver.weave(
                        bytes,
                        new ClassFileLocator.Compound(
                                ClassFileLocator.Simple.of(NAME.replace('/', '.'), bytes),
                                ClassFileLocator.ForClassLoader.of(
                                        LargeMethodsTest.class.getClassLoader())));
        assertNotNull(r);
        return r;
    }

    private static Object call(Class<?> c, String method, boolean pending) throws Throwable {
        SampleRunner.mode(pending);
        try {
            return Poller.drive((Future<?>) c.getMethod(method).invoke(null));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            SampleRunner.mode(false);
        }
    }

    @Test
    void thousandIntLocalsOverTwoThousandLinesAreWoven() throws Throwable {
        // computing these frames needs more than ASM's default 10 MB; it used to fail the whole
        // class
        WeaveResult r = weave(bigClass(1000, true));
        assertEquals(
                List.of(), r.rejections.stream().map(x -> x.message).collect(Collectors.toList()));
        assertEquals(2, r.methods.size());
        Class<?> c = new Loader().define(r.bytes);
        for (boolean pending : new boolean[] {false, true}) {
            assertEquals(999 * 1000 / 2, call(c, "many", pending));
            assertEquals("small", call(c, "small", pending));
        }
    }

    @Test
    void aMethodTooLargeOnceWovenIsRejectedAloneAndLocated() throws Throwable {
        // 3,000 ints: ~36 KB of code, but saving and restoring them adds ~48 KB more
        WeaveResult r = weave(bigClass(3000, false));
        assertEquals(1, r.rejections.size());
        String expected =
                "gen.Big.many(Big.java:"
                        + AWAIT_LINE
                        + "): weft: cannot weave this method "
                        + "(the woven method would exceed the JVM's 64 KB code limit: ";
        String message = r.rejections.get(0).message;
        assertTrue(message.startsWith(expected), message);
        // the size the woven form would have had, so the user sees by how much it is over
        int size = Integer.parseInt(message.substring(expected.length()).split(" ")[0]);
        assertTrue(size > 65535 && size < 100_000, message);
        assertEquals(expected + size + " bytes)", message);
        Class<?> c = new Loader().define(r.bytes);
        for (boolean pending : new boolean[] {false, true}) {
            assertEquals("small", call(c, "small", pending));
            IllegalStateException e =
                    assertThrows(IllegalStateException.class, () -> call(c, "many", pending));
            assertEquals(message, e.getMessage());
        }
        assertTrue(
                r.methods.stream().anyMatch(m -> m.describe().get(0).contains("gen.Big.small()")));
    }
}
