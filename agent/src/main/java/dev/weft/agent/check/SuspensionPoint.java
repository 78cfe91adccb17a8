package dev.weft.agent.check;

import org.objectweb.asm.tree.MethodInsnNode;

/**
 * One await or yield call site. {@code call} is the instruction node itself, which stays the same
 * object through normalization, so later stages find it again by identity.
 */
public final class SuspensionPoint {
    public final MethodInsnNode call;
    public final SuspensionKind kind;

    /** Source line from the LineNumberTable, or -1. */
    public final int line;

    public SuspensionPoint(MethodInsnNode call, SuspensionKind kind, int line) {
        this.call = call;
        this.kind = kind;
        this.line = line;
    }
}
