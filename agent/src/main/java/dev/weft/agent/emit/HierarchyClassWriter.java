package dev.weft.agent.emit;

import dev.weft.agent.hierarchy.TypeHierarchy;
import org.objectweb.asm.ClassWriter;

/** A COMPUTE_FRAMES class writer that asks the class-file hierarchy, never a class loader. */
public final class HierarchyClassWriter extends ClassWriter {

    /**
     * Memory ASM may allocate while computing one method's frames. ASM's default (10 MB) is a
     * guard against hostile class files; frame computation allocates about
     * (basic blocks) x (max locals) x 8 bytes, and every line-number label starts a basic block,
     * so legal user code such as 1,000 int locals live across an await over 2,000 source lines
     * needs ~35 MB. Past this bound only that method is rejected (see {@link WovenClasses}).
     */
    static final int FRAME_BYTES = 512 << 20;

    /** Operations ASM may spend computing one method's frames (default 10^8). */
    static final long FRAME_OPERATIONS = 2_000_000_000L;

    private final TypeHierarchy hierarchy;

    public HierarchyClassWriter(TypeHierarchy hierarchy) {
        super(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        this.hierarchy = hierarchy;
        setComputeLimits(FRAME_BYTES, FRAME_OPERATIONS);
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
