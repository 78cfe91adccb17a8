package dev.weft.fuzz.rt;

/** The enum that generated {@code switch} statements switch on. */
public enum Color {
    RED,
    GREEN,
    BLUE;

    public static Color of(int i) {
        return values()[Math.floorMod(i, 3)];
    }
}
