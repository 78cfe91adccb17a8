package dev.weft.agent.check;

/**
 * Something the weaver found suspicious but that does not stop weaving: a future created and
 * never used ({@link DiscardedFutures}), or a known blocking call in a woven method
 * ({@link BlockingCalls}). Located like a {@link Rejection}; a warning never changes the woven bytes.
 */
public final class Warning {

    /** Which check found it: the agent logs blocking calls only when asked to (agent option warnBlocking). */
    public enum Kind {
        DISCARDED_FUTURE,
        BLOCKING_CALL
    }

    /** {@code <binary.Class>.<method>(<SourceFile>:<line>): <reason>} (lambda bodies as in {@link Rejection#where}). */
    public final String message;

    /** Binary name of the class holding the call, e.g. {@code com.example.App}. */
    public final String className;

    /** The source method holding the call (a lambda body's enclosing method). */
    public final String method;

    /** Source line of the call from the LineNumberTable, or -1. */
    public final int line;

    public final Kind kind;

    Warning(String message, String className, String method, int line) {
        this(message, className, method, line, Kind.DISCARDED_FUTURE);
    }

    Warning(String message, String className, String method, int line, Kind kind) {
        this.message = message;
        this.className = className;
        this.method = method;
        this.line = line;
        this.kind = kind;
    }

    @Override
    public String toString() {
        return message;
    }
}
