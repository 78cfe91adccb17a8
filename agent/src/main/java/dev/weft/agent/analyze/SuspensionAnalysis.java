package dev.weft.agent.analyze;

import dev.weft.agent.check.SuspensionPoint;
import dev.weft.agent.flow.ControlFlowGraph;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
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
    public static List<List<SavedLocal>> analyze(ClassNode owner, MethodNode m, List<SuspensionPoint> points,
            TypeHierarchy hierarchy) throws AnalyzerException {
        List<Type> itfs = new ArrayList<>();
        for (String i : owner.interfaces) {
            itfs.add(Type.getObjectType(i));
        }
        boolean isInterface = (owner.access & Opcodes.ACC_INTERFACE) != 0;
        HierarchyVerifier verifier = new HierarchyVerifier(hierarchy, Type.getObjectType(owner.name),
                owner.superName == null ? null : Type.getObjectType(owner.superName), itfs, isInterface);
        Frame<BasicValue>[] frames = new Analyzer<>(verifier).analyze(owner.name, m);
        BitSet[] live = Liveness.liveOut(m.instructions, ControlFlowGraph.of(owner.name, m));
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
                if (v == null || v.getType() == null || v == BasicValue.UNINITIALIZED_VALUE
                        || v == BasicValue.RETURNADDRESS_VALUE || !live[i].get(slot)) {
                    continue;
                }
                saved.add(new SavedLocal(slot, v.getType()));
            }
            result.add(saved);
        }
        return result;
    }
}
