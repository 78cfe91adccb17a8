package dev.weft.agent.flow;

/**
 * The bounds the weaver gives ASM's class writer when it computes stack map frames. ASM's
 * defaults (10 MB, 10^8 operations) guard against hostile class files; a data flow over a legal
 * method allocates about (basic blocks) x (max locals) x 8 bytes, and every line-number label
 * starts a basic block, so legal user code such as 1,000 int locals live across an await over
 * 2,000 source lines needs ~35 MB. The writer charges each visit of a basic block 3 operations
 * per exception handler of the whole method (it scans them all) and 55 per frame merge: the woven
 * forms of javac methods with 1,253 handlers and 4,500 blocks (fuzz program 61000002037) need
 * 2-4 x 10^9, computed in 0.5-1.5 s of CPU. Past these bounds only that method is rejected. The
 * weaver's own data flows ({@link BlockAnalyzer}) need no bound: they keep one frame per block
 * and merge a handler's frame only where a local changed.
 */
public final class AnalysisLimits {

    /** Memory ASM may allocate while analysing one method. */
    public static final int FRAME_BYTES = 512 << 20;

    /** Operations ASM may spend analysing one method. */
    public static final long FRAME_OPERATIONS = 20_000_000_000L;

    private AnalysisLimits() {}
}
