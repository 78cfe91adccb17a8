package dev.weft.fuzz.rt;

/** The checked failure of a scheduled leaf: awaits must pass it through as the same object. */
public final class FuzzChecked extends Exception {
    private static final long serialVersionUID = 1L;

    public FuzzChecked(String message) {
        super(message, null, false, false);
    }
}
