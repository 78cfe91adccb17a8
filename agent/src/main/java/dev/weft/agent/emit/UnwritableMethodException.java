package dev.weft.agent.emit;

/**
 * One method of a woven class could not be written (its frames could not be computed, or its
 * code exceeds a JVM limit). Names the method so that the weaver rejects just that method and
 * writes the rest of the class.
 */
public final class UnwritableMethodException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The method, or null (with {@link #descriptor}) when the writer could not say which. */
    public final String methodName;

    public final String descriptor;

    public UnwritableMethodException(
            String methodName, String descriptor, String reason, Throwable cause) {
        super(reason, cause);
        this.methodName = methodName;
        this.descriptor = descriptor;
    }
}
