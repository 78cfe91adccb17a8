package dev.weft.agent.flow;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;

/**
 * Successor lists per instruction index, normal and exceptional, as ASM's {@link Analyzer}
 * discovers them (it follows jumps, switches, fall-through and handler ranges exactly as the JVM).
 */
public final class ControlFlowGraph {

    private final List<List<Integer>> successors;
    private final List<List<Integer>> handlers;

    private ControlFlowGraph(List<List<Integer>> successors, List<List<Integer>> handlers) {
        this.successors = successors;
        this.handlers = handlers;
    }

    public static ControlFlowGraph of(String owner, MethodNode method) throws AnalyzerException {
        int n = method.instructions.size();
        List<List<Integer>> succ = new ArrayList<>(n);
        List<List<Integer>> exc = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            succ.add(new ArrayList<>(2));
            exc.add(new ArrayList<>(1));
        }
        BlockAnalyzer<BasicValue> analyzer =
                new BlockAnalyzer<>(new BasicInterpreter()) {
                    @Override
                    protected void newControlFlowEdge(int insn, int successor) {
                        add(succ.get(insn), successor);
                    }

                    @Override
                    protected void newControlFlowExceptionEdge(int insn, TryCatchBlockNode tcb) {
                        int h = method.instructions.indexOf(tcb.handler);
                        add(succ.get(insn), h);
                        add(exc.get(insn), h);
                    }
                };
        analyzer.analyze(owner, method, false);
        return new ControlFlowGraph(succ, exc);
    }

    private static void add(List<Integer> list, int successor) {
        if (!list.contains(successor)) {
            list.add(successor);
        }
    }

    public int size() {
        return successors.size();
    }

    /** Normal and exceptional successors of instruction {@code i}. */
    public List<Integer> successors(int i) {
        return successors.get(i);
    }

    /** The handlers instruction {@code i} may throw to (a subset of its successors). */
    public List<Integer> handlers(int i) {
        return handlers.get(i);
    }
}
