package dev.weft.it;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Hand-written bytecode that javac never emits but the JVM's verifier accepts: objects under
 * construction (a {@code NEW} before its {@code <init>}) live across an await while stack
 * instructions other than DUP move them (SWAP, POP, DUP_X1, DUP_X2, DUP2, DUP2_X1, DUP2_X2), as
 * Kotlin, Scala, Groovy and code generators may emit. Each shape is a static method
 * {@code ()Ldev/weft/Future;} of class {@code gen.Uninit} returning the string in {@link #EXPECTED}.
 *
 * <p>{@link #main} is the unwoven half of the test: run without the agent and with
 * {@code -Xverify:all}, it links the class (HotSpot verifies it) and prints "verified".
 */
public final class UninitializedShapes {

    static final String NAME = "gen.Uninit";
    private static final String SB = "java/lang/StringBuilder";
    private static final String STR = "java/lang/String";

    /** An {@link #EXPECTED} value that starts so names the class of the expected failure. */
    static final String FAILS = "fails with ";

    /** Method name to the value its future completes with. */
    static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    private static final Map<String, Consumer<MethodVisitor>> SHAPES = new LinkedHashMap<>();

    static {
        // the shape: NEW Integer; DUP; SIPUSH 1; SWAP; await; CHECKCAST; <init>(String)
        // [X X 1] SWAP [X 1 X] await [X 1 X s] <init> [I 1] SWAP [1 I] intValue IADD
        shape(
                "issueSwap",
                "42",
                m -> {
                    m.visitTypeInsn(Opcodes.NEW, "java/lang/Integer");
                    m.visitInsn(Opcodes.DUP);
                    m.visitIntInsn(Opcodes.SIPUSH, 1);
                    m.visitInsn(Opcodes.SWAP);
                    await(m, "41");
                    m.visitMethodInsn(
                            Opcodes.INVOKESPECIAL,
                            "java/lang/Integer",
                            "<init>",
                            "(Ljava/lang/String;)V",
                            false);
                    m.visitInsn(Opcodes.SWAP);
                    m.visitMethodInsn(
                            Opcodes.INVOKEVIRTUAL, "java/lang/Integer", "intValue", "()I", false);
                    m.visitInsn(Opcodes.IADD);
                    m.visitMethodInsn(
                            Opcodes.INVOKESTATIC, STR, "valueOf", "(I)Ljava/lang/String;", false);
                });
        // ["a"] NEW [a X] DUP_X1 [X a X] await [X a X b] <init> [SB a] append
        shape(
                "dupX1",
                "ba",
                m -> {
                    m.visitLdcInsn("a");
                    m.visitTypeInsn(Opcodes.NEW, SB);
                    m.visitInsn(Opcodes.DUP_X1);
                    await(m, "b");
                    init(m);
                    append(m, "Ljava/lang/String;");
                    string(m);
                });
        // [J] NEW [J X] DUP_X2 (form 2, a long below) [X J X] await <init> [SB J] append(J)
        shape(
                "dupX2Long",
                "77",
                m -> {
                    m.visitLdcInsn(7L);
                    m.visitTypeInsn(Opcodes.NEW, SB);
                    m.visitInsn(Opcodes.DUP_X2);
                    await(m, "7");
                    init(m);
                    append(m, "J");
                    string(m);
                });
        // [1 2] NEW [1 2 X] DUP_X2 (form 1) [X 1 2 X] await <init> [SB 1 2] IADD append(I)
        shape(
                "dupX2Ints",
                "x3",
                m -> {
                    m.visitInsn(Opcodes.ICONST_1);
                    m.visitInsn(Opcodes.ICONST_2);
                    m.visitTypeInsn(Opcodes.NEW, SB);
                    m.visitInsn(Opcodes.DUP_X2);
                    await(m, "x");
                    init(m);
                    m.visitInsn(Opcodes.IADD);
                    append(m, "I");
                    string(m);
                });
        // extra copies dropped by POP around the await
        shape(
                "pop",
                "p",
                m -> {
                    m.visitTypeInsn(Opcodes.NEW, SB);
                    m.visitInsn(Opcodes.DUP);
                    m.visitInsn(Opcodes.DUP);
                    await(m, "p");
                    m.visitInsn(Opcodes.SWAP);
                    m.visitInsn(Opcodes.POP);
                    init(m);
                    string(m);
                });
        // an object that is never initialized, dropped after the await: [X s] SWAP [s X] POP
        shape(
                "neverInitialized",
                "n",
                m -> {
                    m.visitTypeInsn(Opcodes.NEW, "java/lang/Object");
                    await(m, "n");
                    m.visitInsn(Opcodes.SWAP);
                    m.visitInsn(Opcodes.POP);
                });
        // [X X] DUP2 [X X X X] await <init> [SB SB SB] POP POP
        shape(
                "dup2",
                "d",
                m -> {
                    m.visitTypeInsn(Opcodes.NEW, SB);
                    m.visitInsn(Opcodes.DUP);
                    m.visitInsn(Opcodes.DUP2);
                    await(m, "d");
                    init(m);
                    m.visitInsn(Opcodes.POP);
                    m.visitInsn(Opcodes.POP);
                    string(m);
                });
        // [5 X X] DUP2_X1 [X X 5 X X] POP [X X 5 X] await <init> [SB SB 5] append(I) POP
        shape(
                "dup2X1",
                "q5",
                m -> {
                    m.visitInsn(Opcodes.ICONST_5);
                    m.visitTypeInsn(Opcodes.NEW, SB);
                    m.visitInsn(Opcodes.DUP);
                    m.visitInsn(Opcodes.DUP2_X1);
                    m.visitInsn(Opcodes.POP);
                    await(m, "q");
                    init(m);
                    append(m, "I");
                    m.visitInsn(Opcodes.POP);
                    string(m);
                });
        // [J X X] DUP2_X2 [X X J X X] POP [X X J X] await <init> [SB SB J] append(J) POP
        shape(
                "dup2X2",
                "r9",
                m -> {
                    m.visitLdcInsn(9L);
                    m.visitTypeInsn(Opcodes.NEW, SB);
                    m.visitInsn(Opcodes.DUP);
                    m.visitInsn(Opcodes.DUP2_X2);
                    m.visitInsn(Opcodes.POP);
                    await(m, "r");
                    init(m);
                    append(m, "J");
                    m.visitInsn(Opcodes.POP);
                    string(m);
                });
        // a copy in a local and one under an int: [X] ASTORE 0 ... [3 X] await <init> [3] ALOAD 0
        shape(
                "localAndSwap",
                "l3",
                m -> {
                    m.visitTypeInsn(Opcodes.NEW, SB);
                    m.visitInsn(Opcodes.DUP);
                    m.visitVarInsn(Opcodes.ASTORE, 0);
                    m.visitInsn(Opcodes.ICONST_3);
                    m.visitInsn(Opcodes.SWAP);
                    await(m, "l");
                    init(m);
                    m.visitVarInsn(Opcodes.ALOAD, 0);
                    m.visitInsn(Opcodes.SWAP);
                    append(m, "I");
                    string(m);
                });
        // a branch between NEW and <init>, an await on each side: [X X 1] SWAP [X 1 X] SWAP [X X 1]
        // IFEQ
        shape(
                "branches",
                "yes",
                m -> {
                    Label no = new Label();
                    Label join = new Label();
                    m.visitTypeInsn(Opcodes.NEW, SB);
                    m.visitInsn(Opcodes.DUP);
                    m.visitInsn(Opcodes.ICONST_1);
                    m.visitInsn(Opcodes.SWAP);
                    m.visitInsn(Opcodes.SWAP);
                    m.visitJumpInsn(Opcodes.IFEQ, no);
                    await(m, "yes");
                    m.visitJumpInsn(Opcodes.GOTO, join);
                    m.visitLabel(no);
                    await(m, "no");
                    m.visitLabel(join);
                    init(m);
                    string(m);
                });
        // two objects under construction interleaved: [A A B] DUP_X1 [A B A B] await <init B>
        // [A SB_B A] SWAP [A A SB_B] toString <init A> [SB_A]
        shape(
                "interleaved",
                "in",
                m -> {
                    m.visitTypeInsn(Opcodes.NEW, SB);
                    m.visitInsn(Opcodes.DUP);
                    m.visitTypeInsn(Opcodes.NEW, SB);
                    m.visitInsn(Opcodes.DUP_X1);
                    await(m, "in");
                    init(m);
                    m.visitInsn(Opcodes.SWAP);
                    string(m);
                    init(m);
                    string(m);
                });
        // the verifier lets IFNULL, IFNONNULL, IF_ACMPxx and MONITORENTER/EXIT take an object
        // under construction (JVMS 4.10.1.2: uninitialized is a reference)
        shape("ifNull", "nn", m -> decided(m, Opcodes.IFNULL, "nn", "null", false));
        shape("ifNonNull", "nz", m -> decided(m, Opcodes.IFNONNULL, "nz", "null", true));
        shape(
                "acmpSame",
                "eq",
                m -> {
                    m.visitTypeInsn(Opcodes.NEW, SB);
                    m.visitInsn(Opcodes.DUP);
                    m.visitInsn(Opcodes.DUP);
                    m.visitInsn(Opcodes.DUP);
                    decided(m, Opcodes.IF_ACMPEQ, "eq", "ne", true);
                });
        shape(
                "acmpOther",
                "ne2",
                m -> {
                    m.visitTypeInsn(Opcodes.NEW, SB);
                    m.visitInsn(Opcodes.DUP);
                    m.visitInsn(Opcodes.DUP);
                    m.visitInsn(Opcodes.ACONST_NULL);
                    m.visitInsn(Opcodes.SWAP);
                    decided(m, Opcodes.IF_ACMPNE, "ne2", "eq2", true);
                });
        // locked and unlocked before the await: [X X X] MONITORENTER DUP MONITOREXIT [X X]
        shape(
                "monitor",
                "mon",
                m -> {
                    m.visitTypeInsn(Opcodes.NEW, SB);
                    m.visitInsn(Opcodes.DUP);
                    m.visitInsn(Opcodes.DUP);
                    m.visitInsn(Opcodes.MONITORENTER);
                    m.visitInsn(Opcodes.DUP);
                    m.visitInsn(Opcodes.MONITOREXIT);
                    await(m, "mon");
                    init(m);
                    string(m);
                });
        // locked after the await: [X X X X s] SWAP MONITORENTER SWAP MONITOREXIT [X X s]
        shape(
                "monitorAfterAwait",
                "late",
                m -> {
                    m.visitTypeInsn(Opcodes.NEW, SB);
                    m.visitInsn(Opcodes.DUP);
                    m.visitInsn(Opcodes.DUP);
                    m.visitInsn(Opcodes.DUP);
                    await(m, "late");
                    m.visitInsn(Opcodes.SWAP);
                    m.visitInsn(Opcodes.MONITORENTER);
                    m.visitInsn(Opcodes.SWAP);
                    m.visitInsn(Opcodes.MONITOREXIT);
                    init(m);
                    string(m);
                });
        // an unbalanced MONITOREXIT throws, woven or not: [X X X s] SWAP MONITOREXIT
        shape(
                "unbalancedExit",
                FAILS + "java.lang.IllegalMonitorStateException",
                m -> {
                    m.visitTypeInsn(Opcodes.NEW, SB);
                    m.visitInsn(Opcodes.DUP);
                    m.visitInsn(Opcodes.DUP);
                    await(m, "exit");
                    m.visitInsn(Opcodes.SWAP);
                    m.visitInsn(Opcodes.MONITOREXIT);
                    init(m);
                    string(m);
                });
    }

    private UninitializedShapes() {}

    /**
     * {@code [.. operands]} then [X X] below them: jumps with {@code opcode}; the branch that
     * initializes X with await(built) is the target when {@code jumpBuilds}, the fall-through
     * otherwise; the other drops both copies and pushes {@code other}. For IFNULL / IFNONNULL
     * the operand is a third copy of a new X pushed here.
     */
    private static void decided(
            MethodVisitor m, int opcode, String built, String other, boolean jumpBuilds) {
        if (opcode == Opcodes.IFNULL || opcode == Opcodes.IFNONNULL) {
            m.visitTypeInsn(Opcodes.NEW, SB);
            m.visitInsn(Opcodes.DUP);
            m.visitInsn(Opcodes.DUP);
        }
        Label target = new Label();
        Label end = new Label();
        m.visitJumpInsn(opcode, target);
        if (jumpBuilds) {
            drop(m, other);
        } else {
            build(m, built);
        }
        m.visitJumpInsn(Opcodes.GOTO, end);
        m.visitLabel(target);
        if (jumpBuilds) {
            build(m, built);
        } else {
            drop(m, other);
        }
        m.visitLabel(end);
    }

    private static void build(MethodVisitor m, String value) {
        await(m, value);
        init(m);
        string(m);
    }

    private static void drop(MethodVisitor m, String value) {
        m.visitInsn(Opcodes.POP);
        m.visitInsn(Opcodes.POP);
        m.visitLdcInsn(value);
    }

    private static void shape(String name, String expected, Consumer<MethodVisitor> body) {
        EXPECTED.put(name, expected);
        SHAPES.put(name, body);
    }

    /** pushes (String) await(Leaf.of(value)) */
    private static void await(MethodVisitor m, String value) {
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
        m.visitTypeInsn(Opcodes.CHECKCAST, STR);
    }

    private static void init(MethodVisitor m) {
        m.visitMethodInsn(Opcodes.INVOKESPECIAL, SB, "<init>", "(Ljava/lang/String;)V", false);
    }

    private static void append(MethodVisitor m, String arg) {
        m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, SB, "append", "(" + arg + ")L" + SB + ";", false);
    }

    private static void string(MethodVisitor m) {
        m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, SB, "toString", "()Ljava/lang/String;", false);
    }

    /** The class file of {@code gen.Uninit}, version 17, with stack map frames. */
    static byte[] classFile() {
        ClassWriter cw =
                new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
                    @Override
                    protected String getCommonSuperClass(String a, String b) {
                        return "java/lang/Object"; // only the branches shape merges, two Strings at
                        // most
                    }
                };
        cw.visit(
                Opcodes.V17,
                Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER,
                NAME.replace('.', '/'),
                null,
                "java/lang/Object",
                null);
        cw.visitSource("Uninit.java", null);
        int line = 1;
        for (Map.Entry<String, Consumer<MethodVisitor>> s : SHAPES.entrySet()) {
            MethodVisitor m =
                    cw.visitMethod(
                            Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC,
                            s.getKey(),
                            "()Ldev/weft/Future;",
                            null,
                            null);
            m.visitCode();
            Label start = new Label();
            m.visitLabel(start);
            m.visitLineNumber(line++, start);
            s.getValue().accept(m);
            m.visitMethodInsn(
                    Opcodes.INVOKESTATIC,
                    "dev/weft/Future",
                    "ready",
                    "(Ljava/lang/Object;)Ldev/weft/Future;",
                    true);
            m.visitInsn(Opcodes.ARETURN);
            m.visitMaxs(0, 0);
            m.visitEnd();
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** Defines the class in a loader of its own (so it is verified) and links it. */
    static Class<?> define() throws ClassNotFoundException {
        byte[] b = classFile();
        ClassLoader l =
                new ClassLoader(UninitializedShapes.class.getClassLoader()) {
                    @Override
                    protected Class<?> findClass(String name) throws ClassNotFoundException {
                        if (name.equals(NAME)) {
                            return defineClass(NAME, b, 0, b.length);
                        }
                        throw new ClassNotFoundException(name);
                    }
                };
        return Class.forName(NAME, true, l);
    }

    public static void main(String[] args) throws Exception {
        define();
        System.out.println("verified " + EXPECTED.size());
    }
}
