package dev.weft.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.weft.Future;
import dev.weft.testkit.Poller;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.bytebuddy.dynamic.ClassFileLocator;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The shape of the fuzzer's SYNC programs 61000002037 and 62000023561, generated with ASM: a
 * javac-like method of ~25,000 instructions with hundreds of int locals live across an await, made
 * of 700 {@code synchronized} blocks (javac's {@code dup; astore; monitorenter} and its catch-all
 * unlock handler) or 700 try/catch-all blocks, all inside 20 enclosing {@code catch
 * (RuntimeException)} ranges. ASM's Analyzer charges {@code 10 * i} operations per visit of
 * instruction i and a fresh frame of all locals per handler per visit: the held-monitor analysis
 * passed its 2·10⁹ operations ("Too many operations") and the typed frames of the weaver
 * passed ASM's 400 MB ("Too many allocated bytes"), so legal code was rejected.
 */
class BigProtectedMethodsTest {

    private static final String NAME = "gen/BigProtected";
    private static final int LOCALS = 300;
    private static final int REGIONS = 700;
    private static final int OUTER = 20;
    private static final int UPDATES = 4;

    /**
     * {@code static Future<Integer> name()}: stores {@link #LOCALS} ints, runs {@link #REGIONS}
     * blocks that each add 1 to {@link #UPDATES} of them (inside {@code synchronized (LOCK)} when
     * {@code monitors}, else inside a try/catch-all that rethrows), all inside {@link #OUTER}
     * {@code catch (RuntimeException)} ranges returning -1; then awaits and returns the sum.
     */
    private static MethodNode big(String name, boolean monitors) {
        MethodNode m =
                new MethodNode(
                        Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC,
                        name,
                        "()Ldev/weft/Future;",
                        null,
                        null);
        InsnList c = m.instructions;
        int tmp = LOCALS;
        int exc = LOCALS + 1;
        line(c, 1);
        for (int i = 0; i < LOCALS; i++) {
            c.add(new LdcInsnNode(i));
            c.add(new VarInsnNode(Opcodes.ISTORE, i));
        }
        LabelNode outerStart = new LabelNode();
        c.add(outerStart);
        List<TryCatchBlockNode> inner = new ArrayList<>();
        for (int r = 0; r < REGIONS; r++) {
            line(c, 10 + r);
            LabelNode start = new LabelNode();
            LabelNode end = new LabelNode();
            LabelNode handler = new LabelNode();
            LabelNode handlerEnd = new LabelNode();
            LabelNode after = new LabelNode();
            if (monitors) {
                c.add(new FieldInsnNode(Opcodes.GETSTATIC, NAME, "LOCK", "Ljava/lang/Object;"));
                c.add(new InsnNode(Opcodes.DUP));
                c.add(new VarInsnNode(Opcodes.ASTORE, tmp));
                c.add(new InsnNode(Opcodes.MONITORENTER));
            }
            c.add(start);
            for (int k = 0; k < UPDATES; k++) {
                int v = (r * UPDATES + k) % LOCALS;
                c.add(new VarInsnNode(Opcodes.ILOAD, v));
                c.add(new InsnNode(Opcodes.ICONST_1));
                c.add(new InsnNode(Opcodes.IADD));
                c.add(new VarInsnNode(Opcodes.ISTORE, v));
            }
            if (monitors) {
                c.add(new VarInsnNode(Opcodes.ALOAD, tmp));
                c.add(new InsnNode(Opcodes.MONITOREXIT));
            }
            c.add(end);
            c.add(new JumpInsnNode(Opcodes.GOTO, after));
            c.add(handler);
            c.add(new VarInsnNode(Opcodes.ASTORE, exc));
            if (monitors) {
                c.add(new VarInsnNode(Opcodes.ALOAD, tmp));
                c.add(new InsnNode(Opcodes.MONITOREXIT));
            }
            c.add(handlerEnd);
            c.add(new VarInsnNode(Opcodes.ALOAD, exc));
            c.add(new InsnNode(Opcodes.ATHROW));
            c.add(after);
            inner.add(new TryCatchBlockNode(start, end, handler, null));
            if (monitors) {
                inner.add(new TryCatchBlockNode(handler, handlerEnd, handler, null));
            }
        }
        LabelNode outerEnd = new LabelNode();
        c.add(outerEnd);
        line(c, 5000);
        c.add(new LdcInsnNode("x"));
        c.add(
                new MethodInsnNode(
                        Opcodes.INVOKESTATIC,
                        "dev/weft/testkit/Leaf",
                        "of",
                        "(Ljava/lang/Object;)Ldev/weft/testkit/Leaf;",
                        false));
        c.add(
                new MethodInsnNode(
                        Opcodes.INVOKESTATIC,
                        "dev/weft/Async",
                        "await",
                        "(Ldev/weft/Future;)Ljava/lang/Object;",
                        false));
        c.add(new InsnNode(Opcodes.POP));
        c.add(new InsnNode(Opcodes.ICONST_0));
        for (int i = 0; i < LOCALS; i++) {
            c.add(new VarInsnNode(Opcodes.ILOAD, i));
            c.add(new InsnNode(Opcodes.IADD));
        }
        returnInt(c);
        m.tryCatchBlocks.addAll(inner);
        for (int k = 0; k < OUTER; k++) {
            LabelNode h = new LabelNode();
            c.add(h);
            line(c, 6000 + k);
            c.add(new VarInsnNode(Opcodes.ASTORE, exc));
            c.add(new InsnNode(Opcodes.ICONST_M1));
            returnInt(c);
            m.tryCatchBlocks.add(
                    new TryCatchBlockNode(outerStart, outerEnd, h, "java/lang/RuntimeException"));
        }
        return m;
    }

    private static void returnInt(InsnList c) {
        c.add(
                new MethodInsnNode(
                        Opcodes.INVOKESTATIC,
                        "java/lang/Integer",
                        "valueOf",
                        "(I)Ljava/lang/Integer;",
                        false));
        c.add(
                new MethodInsnNode(
                        Opcodes.INVOKESTATIC,
                        "dev/weft/Future",
                        "ready",
                        "(Ljava/lang/Object;)Ldev/weft/Future;",
                        true));
        c.add(new InsnNode(Opcodes.ARETURN));
    }

    private static void line(InsnList c, int line) {
        LabelNode l = new LabelNode();
        c.add(l);
        c.add(new LineNumberNode(line, l));
    }

    private static byte[] bigClass() {
        ClassNode cn = new ClassNode();
        cn.visit(
                Opcodes.V17,
                Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER,
                NAME,
                null,
                "java/lang/Object",
                null);
        cn.visitSource("BigProtected.java", null);
        cn.fields.add(
                new FieldNode(
                        Opcodes.ACC_STATIC | Opcodes.ACC_FINAL,
                        "LOCK",
                        "Ljava/lang/Object;",
                        null,
                        null));
        MethodNode clinit = new MethodNode(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        clinit.instructions.add(new TypeInsnNode(Opcodes.NEW, "java/lang/Object"));
        clinit.instructions.add(new InsnNode(Opcodes.DUP));
        clinit.instructions.add(
                new MethodInsnNode(
                        Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false));
        clinit.instructions.add(
                new FieldInsnNode(Opcodes.PUTSTATIC, NAME, "LOCK", "Ljava/lang/Object;"));
        clinit.instructions.add(new InsnNode(Opcodes.RETURN));
        cn.methods.add(clinit);
        cn.methods.add(big("synchronizedBlocks", true));
        cn.methods.add(big("tryBlocks", false));
        ClassWriter cw =
                new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
                    @Override
                    protected String getCommonSuperClass(String a, String b) {
                        return "java/lang/Object"; // only Object and Throwable meet here
                    }
                };
        cw.setComputeLimits(Integer.MAX_VALUE, Long.MAX_VALUE);
        cn.accept(cw);
        return cw.toByteArray();
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
    void bigMethodsWithHundredsOfProtectedBlocksAreWoven() throws Throwable {
        byte[] bytes = bigClass();
        WeaveResult r =
                Weaver.weave(
                        bytes,
                        new ClassFileLocator.Compound(
                                ClassFileLocator.Simple.of(NAME.replace('/', '.'), bytes),
                                ClassFileLocator.ForClassLoader.of(
                                        BigProtectedMethodsTest.class.getClassLoader())));
        assertNotNull(r);
        assertEquals(
                List.of(), r.rejections.stream().map(x -> x.message).collect(Collectors.toList()));
        Class<?> c = new LargeMethodsTest.Loader().define(r.bytes);
        int expected = LOCALS * (LOCALS - 1) / 2 + REGIONS * UPDATES;
        for (boolean pending : new boolean[] {false, true}) {
            assertEquals(expected, call(c, "synchronizedBlocks", pending));
            assertEquals(expected, call(c, "tryBlocks", pending));
        }
    }
}
