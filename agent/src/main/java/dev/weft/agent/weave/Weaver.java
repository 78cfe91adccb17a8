package dev.weft.agent.weave;

import dev.weft.agent.analyze.SavedLocal;
import dev.weft.agent.analyze.SuspensionAnalysis;
import dev.weft.agent.analyze.TypeHierarchy;
import dev.weft.agent.check.MethodChecker;
import dev.weft.agent.check.Rejection;
import dev.weft.agent.emit.BodyEmitter;
import dev.weft.agent.emit.CompanionEmbedder;
import dev.weft.agent.emit.CompanionEmitter;
import dev.weft.agent.emit.PoolClassWriter;
import dev.weft.agent.emit.RejectionEmitter;
import dev.weft.agent.emit.StubEmitter;
import dev.weft.agent.emit.WovenClasses;
import dev.weft.agent.normalize.NewMover;
import dev.weft.agent.normalize.StackSpiller;
import dev.weft.agent.plan.CompanionLayout;
import dev.weft.agent.plan.LayoutPlanner;
import dev.weft.agent.read.ClassReading;
import dev.weft.agent.read.UnreadableClassException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.dynamic.ClassFileLocator;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** scan (done by the caller) → read → check → normalize → analyze → plan → emit, for one class. */
public final class Weaver {

    private Weaver() {}

    /**
     * Weaves one class.
     *
     * @param locator reads the class files of the host's loader (the class hierarchy)
     * @return null if the class has no suspension points (pass it through untouched)
     */
    public static WeaveResult weave(byte[] bytes, ClassFileLocator locator) throws UnreadableClassException {
        ClassNode cn = ClassReading.read(bytes);
        boolean isInterface = (cn.access & Opcodes.ACC_INTERFACE) != 0;
        TypeHierarchy hierarchy = new TypeHierarchy(locator);
        hierarchy.declare(cn.name, cn.superName, cn.interfaces, isInterface);

        List<MethodChecker.Verdict> verdicts = new ArrayList<>();
        for (MethodNode m : cn.methods) {
            MethodChecker.Verdict v = MethodChecker.check(cn, m);
            if (v != null) {
                verdicts.add(v);
            }
        }
        if (verdicts.isEmpty()) {
            return null;
        }
        List<Rejection> rejections = new ArrayList<>();
        List<MethodReport> reports = new ArrayList<>();
        Map<String, byte[]> companions = new LinkedHashMap<>();
        List<MethodNode> bodies = new ArrayList<>();
        int ordinal = 0;
        for (MethodChecker.Verdict v : verdicts) {
            MethodNode m = v.method;
            if (v.rejection != null) {
                rejections.add(v.rejection);
                RejectionEmitter.emit(m, v.rejection, v.points);
                continue;
            }
            int firstLine = v.points.get(0).line;
            try {
                NewMover.moveAcrossSuspensions(cn.name, m, v.points);
                StackSpiller.spill(cn.name, m, v.points);
                List<List<SavedLocal>> saved = SuspensionAnalysis.analyze(cn, m, v.points, hierarchy);
                CompanionLayout layout = LayoutPlanner.plan(cn, m, v.kind, ordinal++, v.points, saved);
                byte[] companion = CompanionEmitter.emit(cn, m, layout, hierarchy);
                bodies.add(BodyEmitter.emit(cn.name, isInterface, m, layout));
                StubEmitter.emit(cn, m, layout, WovenClasses.firstLine(bodies.get(bodies.size() - 1), firstLine));
                companions.put(layout.companionName, companion);
                reports.add(new MethodReport(cn.name, m.name, m.desc, v.kind, layout));
            } catch (Exception | LinkageError e) {
                Rejection r = Rejection.of(cn.name, cn.sourceFile, m.name, firstLine,
                        "weft: cannot weave this method (" + e + ")");
                rejections.add(r);
                RejectionEmitter.emit(m, r, java.util.Collections.emptyList());
            }
        }
        cn.methods.addAll(bodies);
        CompanionEmbedder.embed(cn, new ArrayList<>(companions.values()));
        byte[] out = WovenClasses.write(cn, hierarchy);
        return new WeaveResult(out, companions, rejections, reports);
    }
}
