package dev.weft.agent.flow;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/** The shortcut may only answer true when no instruction can see an object under construction. */
class ConstructionShapesTest {

    private static final String SB = "java/lang/StringBuilder";

    private static MethodNode method() {
        return new MethodNode(
                Opcodes.ACC_STATIC, "m", "(Ljava/lang/String;)Ljava/lang/Object;", null, null);
    }

    private static MethodInsnNode init(String desc) {
        return new MethodInsnNode(Opcodes.INVOKESPECIAL, SB, "<init>", desc, false);
    }

    @Test
    void acceptsStraightConstructionWithConstantAndLocalArguments() {
        MethodNode m = method();
        m.instructions.add(new TypeInsnNode(Opcodes.NEW, "java/lang/IllegalStateException"));
        m.instructions.add(new InsnNode(Opcodes.DUP));
        m.instructions.add(new LdcInsnNode("bad state"));
        m.instructions.add(
                new MethodInsnNode(
                        Opcodes.INVOKESPECIAL,
                        "java/lang/IllegalStateException",
                        "<init>",
                        "(Ljava/lang/String;)V",
                        false));
        m.instructions.add(new TypeInsnNode(Opcodes.NEW, SB));
        m.instructions.add(new InsnNode(Opcodes.DUP));
        m.instructions.add(new VarInsnNode(Opcodes.ALOAD, 0));
        m.instructions.add(init("(Ljava/lang/String;)V"));
        m.instructions.add(new InsnNode(Opcodes.ARETURN));
        assertTrue(ConstructionShapes.allImmediate(m));
    }

    @Test
    void acceptsMethodsWithoutConstruction() {
        MethodNode m = method();
        m.instructions.add(new VarInsnNode(Opcodes.ALOAD, 0));
        m.instructions.add(new InsnNode(Opcodes.ARETURN));
        assertTrue(ConstructionShapes.allImmediate(m));
    }

    @Test
    void refusesAStoredObjectUnderConstruction() {
        MethodNode m = method();
        m.instructions.add(new TypeInsnNode(Opcodes.NEW, SB));
        m.instructions.add(new VarInsnNode(Opcodes.ASTORE, 1));
        m.instructions.add(new VarInsnNode(Opcodes.ALOAD, 1));
        m.instructions.add(init("()V"));
        m.instructions.add(new VarInsnNode(Opcodes.ALOAD, 1));
        m.instructions.add(new InsnNode(Opcodes.ARETURN));
        assertFalse(ConstructionShapes.allImmediate(m));
    }

    @Test
    void refusesACallOrABranchAmongTheArguments() {
        MethodNode call = method();
        call.instructions.add(new TypeInsnNode(Opcodes.NEW, SB));
        call.instructions.add(new InsnNode(Opcodes.DUP));
        call.instructions.add(
                new MethodInsnNode(
                        Opcodes.INVOKESTATIC,
                        "dev/weft/Async",
                        "await",
                        "(Ldev/weft/Future;)Ljava/lang/Object;",
                        false));
        call.instructions.add(init("(Ljava/lang/String;)V"));
        call.instructions.add(new InsnNode(Opcodes.ARETURN));
        assertFalse(ConstructionShapes.allImmediate(call));

        MethodNode branch = method();
        LabelNode target = new LabelNode();
        branch.instructions.add(new TypeInsnNode(Opcodes.NEW, SB));
        branch.instructions.add(new InsnNode(Opcodes.DUP));
        branch.instructions.add(target);
        branch.instructions.add(init("()V"));
        branch.instructions.add(new JumpInsnNode(Opcodes.GOTO, target));
        assertFalse(ConstructionShapes.allImmediate(branch));
    }

    @Test
    void refusesAnInitWithoutItsNewOrWithTheWrongArgumentCount() {
        MethodNode stray = method();
        stray.instructions.add(new VarInsnNode(Opcodes.ALOAD, 0));
        stray.instructions.add(init("()V"));
        assertFalse(ConstructionShapes.allImmediate(stray));

        MethodNode count = method();
        count.instructions.add(new TypeInsnNode(Opcodes.NEW, SB));
        count.instructions.add(new InsnNode(Opcodes.DUP));
        count.instructions.add(new InsnNode(Opcodes.ICONST_1));
        count.instructions.add(new InsnNode(Opcodes.ICONST_2));
        count.instructions.add(init("(I)V"));
        assertFalse(ConstructionShapes.allImmediate(count));

        MethodNode other = method();
        other.instructions.add(new TypeInsnNode(Opcodes.NEW, SB));
        other.instructions.add(new InsnNode(Opcodes.DUP));
        other.instructions.add(
                new MethodInsnNode(
                        Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false));
        assertFalse(ConstructionShapes.allImmediate(other));
    }
}
