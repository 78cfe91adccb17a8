package dev.weft.agent.flow;

/**
 * The bounds the weaver gives ASM's frame computations (the class writer's and the tree
 * analyzer's). ASM's defaults (10 MB, 10^8 operations) guard against hostile class files; a data
 * flow over a legal method allocates about (basic blocks) x (max locals) x 8 bytes, and every
 * line-number label starts a basic block, so legal user code such as 1,000 int locals live across
 * an await over 2,000 source lines needs ~35 MB. Past these bounds only that method is rejected.
 */
public final class AnalysisLimits {

    /** Memory ASM may allocate while analysing one method. */
    public static final int FRAME_BYTES = 512 << 20;

    /** Operations ASM may spend analysing one method. */
    public static final long FRAME_OPERATIONS = 2_000_000_000L;

    private AnalysisLimits() {}
}
