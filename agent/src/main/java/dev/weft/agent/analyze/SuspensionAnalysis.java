package dev.weft.agent.analyze;

import dev.weft.agent.check.SuspensionPoint;
import dev.weft.agent.flow.BlockAnalyzer;
import dev.weft.agent.flow.HierarchyVerifier;
import dev.weft.agent.hierarchy.TypeHierarchy;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/** Computes, for each reachable suspension point, the locals to save (slot order). */
public final class SuspensionAnalysis {

    private SuspensionAnalysis() {}

    /**
     * One list per point, in the order of {@code points}; null for an unreachable point (it
     * never suspends, so it gets no state number).
     */
    public static List<List<SavedLocal>> analyze(
            ClassNode owner, MethodNode m, List<SuspensionPoint> points, TypeHierarchy hierarchy)
            throws AnalyzerException {
        return analyze(m, points, flow(owner, m, hierarchy));
    }

    /**
     * The typed frames and control-flow edges of {@code m} as it is now: one Analyzer pass, which
     * normalize may use too (see {@link dev.weft.agent.normalize.StackSpiller}) and which stays
     * valid for {@link #analyze(MethodNode, List, Flow)} as long as {@code m} is not changed.
     */
    public static Flow flow(ClassNode owner, MethodNode m, TypeHierarchy hierarchy)
            throws AnalyzerException {
        List<Type> itfs = new ArrayList<>();
        for (String i : owner.interfaces) {
            itfs.add(Type.getObjectType(i));
        }
        boolean isInterface = (owner.access & Opcodes.ACC_INTERFACE) != 0;
        HierarchyVerifier verifier =
                new HierarchyVerifier(
                        hierarchy,
                        Type.getObjectType(owner.name),
                        owner.superName == null ? null : Type.getObjectType(owner.superName),
                        itfs,
                        isInterface);
        Edges edges = new Edges(verifier, m);
        Frame<BasicValue>[] frames = edges.analyze(owner.name, m);
        return new Flow(frames, edges.successors());
    }

    /** Typed frames (null where unreachable) and successors, per instruction index. */
    public static final class Flow {
        public final Frame<BasicValue>[] frames;
        final int[][] successors;

        Flow(Frame<BasicValue>[] frames, int[][] successors) {
            this.frames = frames;
            this.successors = successors;
        }
    }

    /** As {@link #analyze(ClassNode, MethodNode, List, TypeHierarchy)}, from {@code m}'s current flow. */
    public static List<List<SavedLocal>> analyze(
            MethodNode m, List<SuspensionPoint> points, Flow flow) {
        Frame<BasicValue>[] frames = flow.frames;
        Liveness live = Liveness.of(m.instructions, flow.successors);
        List<List<SavedLocal>> result = new ArrayList<>();
        for (SuspensionPoint p : points) {
            int i = m.instructions.indexOf(p.call);
            Frame<BasicValue> f = frames[i];
            if (f == null) {
                result.add(null);
                continue;
            }
            List<SavedLocal> saved = new ArrayList<>();
            for (int slot = 0; slot < f.getLocals(); slot++) {
                BasicValue v = f.getLocal(slot);
                if (v == null
                        || v.getType() == null
                        || v == BasicValue.UNINITIALIZED_VALUE
                        || v == BasicValue.RETURNADDRESS_VALUE
                        || !live.liveOut(i, slot)) {
                    continue;
                }
                saved.add(new SavedLocal(slot, v.getType()));
            }
            result.add(saved);
        }
        return result;
    }

    /**
     * The type analysis also records the control-flow edges liveness needs (as
     * {@link dev.weft.agent.flow.ControlFlowGraph} would, from a second Analyzer pass over the same
     * method: the edges do not depend on the interpreter), so each woven method is analyzed once.
     * It is ASM's Analyzer's fixpoint computed over basic blocks ({@link BlockAnalyzer}): ASM's own
     * spent seconds on javac methods of 10,000 instructions, hundreds of locals and hundreds of
     * finally copies, and passed its allocation bound (fuzz program 62000023561).
     */
    private static final class Edges extends BlockAnalyzer<BasicValue> {
        private final MethodNode method;
        private final int[][] succ;
        private final int[] count;

        Edges(HierarchyVerifier verifier, MethodNode method) {
            super(verifier);
            this.method = method;
            int n = method.instructions.size();
            succ = new int[n][];
            count = new int[n];
        }

        @Override
        protected void newControlFlowEdge(int insn, int successor) {
            add(insn, successor);
        }

        @Override
        protected void newControlFlowExceptionEdge(int insn, TryCatchBlockNode tcb) {
            add(insn, method.instructions.indexOf(tcb.handler));
        }

        private void add(int insn, int successor) {
            int[] s = succ[insn];
            int c = count[insn];
            if (s == null) {
                s = succ[insn] = new int[2];
            }
            for (int k = 0; k < c; k++) {
                if (s[k] == successor) {
                    return;
                }
            }
            if (c == s.length) {
                s = succ[insn] = java.util.Arrays.copyOf(s, c * 2);
            }
            s[c] = successor;
            count[insn] = c + 1;
        }

        int[][] successors() {
            int[][] out = new int[succ.length][];
            for (int i = 0; i < succ.length; i++) {
                out[i] =
                        succ[i] == null || succ[i].length == count[i]
                                ? succ[i]
                                : java.util.Arrays.copyOf(succ[i], count[i]);
            }
            return out;
        }
    }
}
