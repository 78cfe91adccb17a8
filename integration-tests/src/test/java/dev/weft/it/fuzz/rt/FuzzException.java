package dev.weft.it.fuzz.rt;

/** The unchecked failure of a scheduled leaf or of a generated {@code throw}. */
public final class FuzzException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FuzzException(String message) {
        super(message, null, false, false);
    }
}
