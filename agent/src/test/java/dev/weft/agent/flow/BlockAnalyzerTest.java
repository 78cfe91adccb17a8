package dev.weft.agent.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.BasicVerifier;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * {@link BlockAnalyzer} computes ASM's {@link Analyzer}'s frames and edges: compared instruction
 * by instruction over every method of javac-compiled classes with many try ranges, loops and
 * switches (JDK collections, concurrency, logging and serialization classes, and the weaver's own).
 */
class BlockAnalyzerTest {

    private static final List<Class<?>> CLASSES =
            List.of(
                    java.util.HashMap.class,
                    java.util.concurrent.ConcurrentHashMap.class,
                    java.util.concurrent.ForkJoinPool.class,
                    java.util.concurrent.CompletableFuture.class,
                    java.util.Formatter.class,
                    java.util.regex.Pattern.class,
                    java.util.concurrent.ThreadPoolExecutor.class,
                    java.util.logging.LogManager.class,
                    java.io.ObjectInputStream.class,
                    java.util.Timer.class,
                    java.util.concurrent.ConcurrentLinkedQueue.class,
                    BlockAnalyzer.class,
                    UninitializedObjects.class,
                    dev.weft.agent.check.MethodChecker.class);

    @Test
    void framesAndEdgesAreAsmAnalyzersOnRealCode() throws Exception {
        int methods = 0;
        int handlers = 0;
        for (Class<?> c : CLASSES) {
            ClassNode cn = read(c);
            for (MethodNode m : cn.methods) {
                if (m.instructions.size() == 0) {
                    continue;
                }
                methods++;
                handlers += m.tryCatchBlocks.size();
                compare(cn.name, m, new BasicInterpreter());
                compare(cn.name, m, new BasicVerifier());
                compareSources(cn.name, m);
            }
        }
        assertTrue(methods > 500, "methods compared: " + methods);
        assertTrue(handlers > 200, "handlers: " + handlers);
    }

    @Test
    void aVerifierErrorIsAnAnalyzerException() {
        MethodNode m = new MethodNode(Opcodes.ACC_STATIC, "f", "()I", null, null);
        m.instructions.add(new org.objectweb.asm.tree.InsnNode(Opcodes.ACONST_NULL));
        m.instructions.add(new org.objectweb.asm.tree.InsnNode(Opcodes.IRETURN));
        m.maxStack = 1;
        AnalyzerException e =
                org.junit.jupiter.api.Assertions.assertThrows(
                        AnalyzerException.class,
                        () -> new BlockAnalyzer<>(new BasicVerifier()).analyze("X", m));
        assertTrue(e.getMessage().startsWith("Error at instruction 1:"), e.getMessage());
    }

    private static void compare(String owner, MethodNode m, Interpreter<BasicValue> interpreter)
            throws AnalyzerException {
        Set<String> asmEdges = new TreeSet<>();
        Frame<BasicValue>[] expected =
                new Analyzer<>(interpreter) {
                    @Override
                    protected void newControlFlowEdge(int insn, int successor) {
                        asmEdges.add(insn + ">" + successor);
                    }

                    @Override
                    protected boolean newControlFlowExceptionEdge(int insn, TryCatchBlockNode tcb) {
                        asmEdges.add(insn + "!" + m.instructions.indexOf(tcb.handler));
                        return true;
                    }
                }.analyze(owner, m);
        Set<String> edges = new TreeSet<>();
        Frame<BasicValue>[] got =
                new BlockAnalyzer<>(interpreter) {
                    @Override
                    protected void newControlFlowEdge(int insn, int successor) {
                        edges.add(insn + ">" + successor);
                    }

                    @Override
                    protected void newControlFlowExceptionEdge(int insn, TryCatchBlockNode tcb) {
                        edges.add(insn + "!" + m.instructions.indexOf(tcb.handler));
                    }
                }.analyze(owner, m);
        String where = owner + "." + m.name + m.desc;
        assertEquals(asmEdges, edges, where);
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (int i = 0; i < expected.length; i++) {
            a.add(i + ": " + expected[i]);
            b.add(i + ": " + got[i]);
        }
        assertEquals(a, b, where);
    }

    /**
     * Origins, unlike types, tell a handler's frame taken before a store from one taken after it
     * (a type analysis would join both to the same value).
     */
    private static void compareSources(String owner, MethodNode m) throws AnalyzerException {
        Frame<SourceValue>[] expected = new Analyzer<>(new SourceInterpreter()).analyze(owner, m);
        Frame<SourceValue>[] got = new BlockAnalyzer<>(new SourceInterpreter()).analyze(owner, m);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(
                    render(m, expected[i]),
                    render(m, got[i]),
                    owner + "." + m.name + m.desc + " at " + i);
        }
    }

    private static String render(MethodNode m, Frame<SourceValue> f) {
        if (f == null) {
            return "unreachable";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < f.getLocals() + f.getStackSize(); i++) {
            SourceValue v = i < f.getLocals() ? f.getLocal(i) : f.getStack(i - f.getLocals());
            Set<Integer> at = new TreeSet<>();
            for (AbstractInsnNode insn : v.insns) {
                at.add(m.instructions.indexOf(insn));
            }
            b.append(i == f.getLocals() ? " | " : " ").append(v.size).append(at);
        }
        return b.toString();
    }

    private static ClassNode read(Class<?> c) throws IOException {
        String resource = "/" + c.getName().replace('.', '/') + ".class";
        try (InputStream in = c.getResourceAsStream(resource)) {
            ClassNode cn = new ClassNode();
            new ClassReader(in.readAllBytes()).accept(cn, 0);
            return cn;
        }
    }
}
