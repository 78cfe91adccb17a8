package dev.weft.agent.weave;

import dev.weft.agent.analyze.ClassFiles;
import dev.weft.agent.analyze.SavedLocal;
import dev.weft.agent.analyze.SuspensionAnalysis;
import dev.weft.agent.analyze.TypeHierarchy;
import dev.weft.agent.check.MethodChecker;
import dev.weft.agent.check.Rejection;
import dev.weft.agent.check.UnweavableException;
import dev.weft.agent.emit.BodyEmitter;
import dev.weft.agent.emit.CompanionEmbedder;
import dev.weft.agent.emit.CompanionEmitter;
import dev.weft.agent.emit.HierarchyClassWriter;
import dev.weft.agent.emit.RejectionEmitter;
import dev.weft.agent.emit.StubEmitter;
import dev.weft.agent.emit.UnwritableMethodException;
import dev.weft.agent.emit.WovenClasses;
import dev.weft.agent.normalize.NewMover;
import dev.weft.agent.normalize.StackSpiller;
import dev.weft.agent.plan.CompanionLayout;
import dev.weft.agent.plan.LayoutPlanner;
import dev.weft.agent.read.ClassReading;
import dev.weft.agent.read.UnreadableClassException;
import dev.weft.agent.verify.WovenClassVerifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** scan (done by the caller) → read → check → normalize → analyze → plan → emit, for one class. */
public final class Weaver {

    private Weaver() {}

    /**
     * Weaves one class.
     *
     * @param classFiles reads the class files of the host's loader (the class hierarchy)
     * @return null if the class has no suspension points (pass it through untouched)
     */
    public static WeaveResult weave(byte[] bytes, ClassFiles classFiles) throws UnreadableClassException {
        return weave(bytes, new TypeHierarchy(classFiles));
    }

    /** As {@link #weave(byte[], ClassFiles)}, over a (possibly shared, caching) hierarchy. */
    public static WeaveResult weave(byte[] bytes, TypeHierarchy hierarchy) throws UnreadableClassException {
        // Methods whose woven form failed (too large, or refused by the verify stage) are
        // rejected by name + descriptor and the class is woven again from the original bytes.
        // Every retry rejects at least one more method, so this ends.
        Map<String, String> failed = new LinkedHashMap<>();
        while (true) {
            Attempt a = attempt(bytes, hierarchy, failed);
            if (a == null || a.failures.isEmpty()) {
                return a == null ? null : a.result;
            }
            if (failed.keySet().containsAll(a.failures.keySet())) {
                throw new IllegalStateException("weft: woven again without " + failed.keySet()
                        + " and still failing: " + a.failures);
            }
            failed.putAll(a.failures);
        }
    }

    /** One weaving pass; {@code failures} maps original methods to why their woven form is unusable. */
    private static final class Attempt {
        WeaveResult result;
        final Map<String, String> failures = new LinkedHashMap<>();
    }

    private static Attempt attempt(byte[] bytes, TypeHierarchy hierarchy, Map<String, String> failed)
            throws UnreadableClassException {
        ClassNode cn = ClassReading.read(bytes);
        boolean isInterface = (cn.access & Opcodes.ACC_INTERFACE) != 0;
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
        Map<String, String> bodyToOriginal = new HashMap<>();
        List<MethodNode> needFrames = new ArrayList<>();
        int ordinal = 0;
        for (MethodChecker.Verdict v : verdicts) {
            MethodNode m = v.method;
            if (v.rejection != null) {
                rejections.add(v.rejection);
                RejectionEmitter.emit(m, v.rejection, v.points);
                if (m.name.equals("<clinit>")) {
                    needFrames.add(m); // the throwing call sites leave unreachable code behind
                }
                continue;
            }
            int firstLine = v.points.get(0).line;
            String key = m.name + m.desc;
            try {
                if (failed.containsKey(key)) {
                    throw new IllegalStateException(failed.get(key));
                }
                NewMover.moveAcrossSuspensions(cn.name, m, v.points);
                StackSpiller.spill(cn.name, m, v.points);
                List<List<SavedLocal>> saved = SuspensionAnalysis.analyze(cn, m, v.points, hierarchy);
                CompanionLayout layout = LayoutPlanner.plan(cn, m, v.kind, ordinal++, v.points, saved);
                List<List<String>> names = MethodReport.namesOf(m, layout);
                byte[] companion = CompanionEmitter.emit(cn, m, layout, hierarchy);
                MethodNode body = BodyEmitter.emit(cn.name, isInterface, m, layout);
                bodies.add(body);
                bodyToOriginal.put(body.name + body.desc, key);
                StubEmitter.emit(cn, m, layout, WovenClasses.firstLine(body, firstLine));
                companions.put(layout.companionName, companion);
                reports.add(new MethodReport(cn.name, m.name, m.desc, v.kind, layout, names));
            } catch (Exception | LinkageError e) {
                String why = e instanceof IllegalStateException ? e.getMessage() : e.toString();
                int line = e instanceof UnweavableException && ((UnweavableException) e).line >= 0
                        ? ((UnweavableException) e).line : firstLine;
                Rejection r = Rejection.of(cn.name, cn.sourceFile, m.name, line,
                        "weft: cannot weave this method (" + why + ")");
                rejections.add(r);
                RejectionEmitter.emit(m, r, Collections.emptyList());
            }
        }
        cn.methods.addAll(bodies);
        CompanionEmbedder.embed(cn, new ArrayList<>(companions.values()));
        Attempt a = new Attempt();
        byte[] out;
        try {
            needFrames.addAll(bodies);
            out = WovenClasses.write(cn, hierarchy, needFrames);
        } catch (UnwritableMethodException e) {
            String original = bodyToOriginal.get(e.methodName + e.descriptor);
            if (original == null) {
                throw e;
            }
            a.failures.put(original, e.getMessage());
            return a;
        }
        Map<String, String> problems = WovenClassVerifier.methodProblems(out, hierarchy, bodyToOriginal.keySet());
        for (Map.Entry<String, String> p : problems.entrySet()) {
            a.failures.put(bodyToOriginal.get(p.getKey()), "internal error, woven code does not verify: " + p.getValue());
        }
        a.result = new WeaveResult(out, companions, rejections, reports);
        return a;
    }
}
