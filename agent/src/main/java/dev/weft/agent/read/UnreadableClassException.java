package dev.weft.agent.read;

/** The class file could not be parsed (corrupt bytes or an unsupported class-file version). */
public final class UnreadableClassException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnreadableClassException(String message, Throwable cause) {
        super(message, cause);
    }
}
