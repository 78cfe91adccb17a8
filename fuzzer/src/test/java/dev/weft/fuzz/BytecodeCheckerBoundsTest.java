package dev.weft.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.fuzz.exec.BytecodeChecker;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The CheckClassAdapter pass accepts legal methods of any size: the woven form of SYNC program
 * 62000023561 (12,900 instructions, 380 locals, 593 handlers) passed ASM's default 400 MB, which
 * its Analyzer counts cumulatively, one frame of all locals per handler per visit of every
 * protected instruction. This class has the same shape without the weaver: 700 try/catch-all
 * blocks over 300 int locals inside 20 enclosing {@code catch (RuntimeException)} ranges.
 */
class BytecodeCheckerBoundsTest {

    @Test
    void aLegalMethodWithHundredsOfProtectedBlocksHasNoProblems() {
        byte[] b = bigClass(300, 700, 20);
        assertEquals(
                List.of(),
                BytecodeChecker.verify(
                        "gen.Big", b, BytecodeCheckerBoundsTest.class.getClassLoader()));
    }

    private static byte[] bigClass(int locals, int regions, int outer) {
        MethodNode m =
                new MethodNode(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "f", "()I", null, null);
        InsnList c = m.instructions;
        int exc = locals;
        for (int i = 0; i < locals; i++) {
            c.add(new LdcInsnNode(i));
            c.add(new VarInsnNode(Opcodes.ISTORE, i));
        }
        LabelNode outerStart = new LabelNode();
        c.add(outerStart);
        for (int r = 0; r < regions; r++) {
            LabelNode start = new LabelNode();
            LabelNode end = new LabelNode();
            LabelNode handler = new LabelNode();
            LabelNode after = new LabelNode();
            c.add(start);
            for (int k = 0; k < 4; k++) {
                int v = (r * 4 + k) % locals;
                c.add(new VarInsnNode(Opcodes.ILOAD, v));
                c.add(new InsnNode(Opcodes.ICONST_1));
                c.add(new InsnNode(Opcodes.IADD));
                c.add(new VarInsnNode(Opcodes.ISTORE, v));
            }
            c.add(end);
            c.add(new JumpInsnNode(Opcodes.GOTO, after));
            c.add(handler);
            c.add(new VarInsnNode(Opcodes.ASTORE, exc));
            c.add(new VarInsnNode(Opcodes.ALOAD, exc));
            c.add(new InsnNode(Opcodes.ATHROW));
            c.add(after);
            m.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));
        }
        LabelNode outerEnd = new LabelNode();
        c.add(outerEnd);
        c.add(new InsnNode(Opcodes.ICONST_0));
        for (int i = 0; i < locals; i++) {
            c.add(new VarInsnNode(Opcodes.ILOAD, i));
            c.add(new InsnNode(Opcodes.IADD));
        }
        c.add(new InsnNode(Opcodes.IRETURN));
        for (int k = 0; k < outer; k++) {
            LabelNode h = new LabelNode();
            c.add(h);
            c.add(new VarInsnNode(Opcodes.ASTORE, exc));
            c.add(new InsnNode(Opcodes.ICONST_M1));
            c.add(new InsnNode(Opcodes.IRETURN));
            m.tryCatchBlocks.add(
                    new TryCatchBlockNode(outerStart, outerEnd, h, "java/lang/RuntimeException"));
        }
        ClassNode cn = new ClassNode();
        cn.visit(
                Opcodes.V17,
                Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER,
                "gen/Big",
                null,
                "java/lang/Object",
                null);
        cn.methods.add(m);
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
}
