package dev.weft.agent.verify;

import dev.weft.agent.flow.BlockAnalyzer;
import dev.weft.agent.flow.ConstructionShapes;
import dev.weft.agent.flow.HierarchyVerifier;
import dev.weft.agent.flow.UninitializedObjects;
import dev.weft.agent.hierarchy.TypeHierarchy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.util.CheckClassAdapter;

/** Runs ASM's checks over one woven class; returns the problems found (empty = passed). */
public final class WovenClassVerifier {

    private WovenClassVerifier() {}

    /**
     * Data-flow checks of the named methods only ({@code name + descriptor}): the weaver's own
     * guard on the bodies it generated, cheap enough to run at load time.
     */
    public static Map<String, String> methodProblems(
            byte[] bytes, TypeHierarchy hierarchy, Set<String> methods) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (methods.isEmpty()) {
            return problems;
        }
        // only the named methods are parsed: ClassReader skips a method whose visitor is null
        // (a local, because inside a ClassNode subclass "methods" names ClassNode's own field)
        Set<String> wanted = methods;
        ClassNode cn =
                new ClassNode(Opcodes.ASM9) {
                    @Override
                    public MethodVisitor visitMethod(
                            int access,
                            String name,
                            String descriptor,
                            String signature,
                            String[] exceptions) {
                        return wanted.contains(name.concat(descriptor))
                                ? super.visitMethod(access, name, descriptor, signature, exceptions)
                                : null;
                    }
                };
        new ClassReader(bytes).accept(cn, ClassReader.SKIP_FRAMES | ClassReader.SKIP_DEBUG);
        List<Type> itfs = new ArrayList<>();
        for (String i : cn.interfaces) {
            itfs.add(Type.getObjectType(i));
        }
        for (MethodNode m : cn.methods) {
            HierarchyVerifier v = verifier(hierarchy, cn, itfs);
            try {
                new BlockAnalyzer<>(v).analyze(cn.name, m, false);
                String u = uninitializedProblem(cn.name, m);
                if (u != null) {
                    problems.put(m.name + m.desc, u);
                }
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
        hierarchy.declare(
                cn.name, cn.superName, cn.interfaces, (cn.access & Opcodes.ACC_INTERFACE) != 0);
        for (MethodNode m : cn.methods) {
            if (m.instructions.size() == 0) {
                continue;
            }
            HierarchyVerifier v = verifier(hierarchy, cn, itfs);
            try {
                new BlockAnalyzer<>(v).analyze(cn.name, m, false);
                String u = uninitializedProblem(cn.name, m);
                if (u != null) {
                    problems.add(cn.name + "." + m.name + m.desc + ": " + u);
                }
            } catch (AnalyzerException e) {
                problems.add(cn.name + "." + m.name + m.desc + ": " + e.getMessage());
            }
        }
        return problems;
    }

    /**
     * What ASM's verifiers do not check and HotSpot's does: objects under construction are only
     * copied and initialized, never stored in a field, passed, returned, or restored and
     * initialized a second time (the shape of an uninitialized object saved across a suspension).
     * Constructors are skipped: their {@code this} starts uninitialized, which is not modelled.
     */
    private static String uninitializedProblem(String owner, MethodNode m)
            throws AnalyzerException {
        if (m.name.equals("<init>") || ConstructionShapes.allImmediate(m)) {
            return null;
        }
        List<String> found = UninitializedObjects.of(owner, m).problems;
        if (found.isEmpty()) {
            return null;
        }
        String first = String.join("; ", found.subList(0, Math.min(3, found.size())));
        return "objects under construction: "
                + first
                + (found.size() > 3 ? "; and " + (found.size() - 3) + " more" : "");
    }

    private static HierarchyVerifier verifier(
            TypeHierarchy hierarchy, ClassNode cn, List<Type> interfaces) {
        return new HierarchyVerifier(
                hierarchy,
                Type.getObjectType(cn.name),
                cn.superName == null ? null : Type.getObjectType(cn.superName),
                interfaces,
                (cn.access & Opcodes.ACC_INTERFACE) != 0,
                true);
    }
}
