package dev.weft.agent.check;

/**
 * A later stage found that a method cannot be woven; {@code line} is the source line to name in
 * the rejection (the offending suspension point's), or -1 for the method's first one.
 */
public final class UnweavableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public final int line;

    public UnweavableException(String reason, int line) {
        super(reason);
        this.line = line;
    }
}
