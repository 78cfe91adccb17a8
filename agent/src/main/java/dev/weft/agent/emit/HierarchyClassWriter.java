package dev.weft.agent.emit;

import dev.weft.agent.flow.AnalysisLimits;
import dev.weft.agent.hierarchy.TypeHierarchy;
import org.objectweb.asm.ClassWriter;

/** A COMPUTE_FRAMES class writer that asks the class-file hierarchy, never a class loader. */
public final class HierarchyClassWriter extends ClassWriter {

    private final TypeHierarchy hierarchy;

    public HierarchyClassWriter(TypeHierarchy hierarchy) {
        super(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        this.hierarchy = hierarchy;
        setComputeLimits(AnalysisLimits.FRAME_BYTES, AnalysisLimits.FRAME_OPERATIONS);
    }

    @Override
    protected String getCommonSuperClass(String type1, String type2) {
        return hierarchy.commonSuperClass(type1, type2);
    }

    @Override
    protected ClassLoader getClassLoader() {
        throw new IllegalStateException("weft: the weaver must not load classes");
    }
}
