package dev.weft.agent.verify;

import dev.weft.agent.analyze.HierarchyVerifier;
import dev.weft.agent.analyze.TypeHierarchy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.util.CheckClassAdapter;

/** Runs ASM's checks over one woven class; returns the problems found (empty = passed). */
public final class WovenClassVerifier {

    private WovenClassVerifier() {}

    /**
     * Data-flow checks of the named methods only ({@code name + descriptor}): the weaver's own
     * guard on the bodies it generated, cheap enough to run at load time.
     */
    public static Map<String, String> methodProblems(byte[] bytes, TypeHierarchy hierarchy, Set<String> methods) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (methods.isEmpty()) {
            return problems;
        }
        ClassNode cn = new ClassNode(Opcodes.ASM9);
        new ClassReader(bytes).accept(cn, ClassReader.SKIP_FRAMES);
        List<Type> itfs = new ArrayList<>();
        for (String i : cn.interfaces) {
            itfs.add(Type.getObjectType(i));
        }
        boolean itf = (cn.access & Opcodes.ACC_INTERFACE) != 0;
        for (MethodNode m : cn.methods) {
            if (!methods.contains(m.name + m.desc)) {
                continue;
            }
            HierarchyVerifier v = new HierarchyVerifier(hierarchy, Type.getObjectType(cn.name),
                    cn.superName == null ? null : Type.getObjectType(cn.superName), itfs, itf, true);
            try {
                new Analyzer<>(v).analyze(cn.name, m);
            } catch (AnalyzerException | RuntimeException e) {
                problems.put(m.name + m.desc, String.valueOf(e.getMessage()));
            }
        }
        return problems;
    }

    public static List<String> verify(byte[] bytes, TypeHierarchy hierarchy) {
        List<String> problems = new ArrayList<>();
        ClassNode cn = new ClassNode(Opcodes.ASM9);
        try {
            // structural checks: descriptors, opcodes, labels, max stack/locals consistency
            new ClassReader(bytes).accept(new CheckClassAdapter(cn, true), 0);
        } catch (RuntimeException e) {
            problems.add("CheckClassAdapter: " + e.getMessage());
            return problems;
        }
        List<Type> itfs = new ArrayList<>();
        for (String i : cn.interfaces) {
            itfs.add(Type.getObjectType(i));
        }
        hierarchy.declare(cn.name, cn.superName, cn.interfaces, (cn.access & Opcodes.ACC_INTERFACE) != 0);
        for (MethodNode m : cn.methods) {
            if (m.instructions.size() == 0) {
                continue;
            }
            HierarchyVerifier v = new HierarchyVerifier(hierarchy, Type.getObjectType(cn.name),
                    cn.superName == null ? null : Type.getObjectType(cn.superName), itfs,
                    (cn.access & Opcodes.ACC_INTERFACE) != 0, true);
            try {
                new Analyzer<>(v).analyze(cn.name, m);
            } catch (AnalyzerException e) {
                problems.add(cn.name + "." + m.name + m.desc + ": " + e.getMessage());
            }
        }
        return problems;
    }
}
