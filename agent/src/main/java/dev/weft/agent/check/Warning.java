package dev.weft.agent.check;

/**
 * Something the weaver found suspicious but that does not stop weaving (today: a future created
 * and never used, see {@link DiscardedFutures}). Located like a {@link Rejection}; a warning never
 * changes the woven bytes.
 */
public final class Warning {

    /** {@code <binary.Class>.<method>(<SourceFile>:<line>): <reason>} (lambda bodies as in {@link Rejection#where}). */
    public final String message;
    /** Binary name of the class holding the call, e.g. {@code com.example.App}. */
    public final String className;
    /** The source method holding the call (a lambda body's enclosing method). */
    public final String method;
    /** Source line of the call from the LineNumberTable, or -1. */
    public final int line;

    Warning(String message, String className, String method, int line) {
        this.message = message;
        this.className = className;
        this.method = method;
        this.line = line;
    }

    @Override
    public String toString() {
        return message;
    }
}
