package dev.weft.fuzz.gen;

import java.util.SplittableRandom;

/** The value types generated code computes with: every primitive, String, a user class, an array. */
enum Ty {
    INT("int", "i"),
    LONG("long", "j"),
    DOUBLE("double", "d"),
    FLOAT("float", "f"),
    BOOLEAN("boolean", "z"),
    BYTE("byte", "b"),
    SHORT("short", "s"),
    CHAR("char", "c"),
    STRING("String", "str"),
    BOX("Box", "box"),
    INTS("int[]", "arr"),
    /** Merged reference types: frames where String, Box, Integer, StringBuilder meet. */
    OBJ("Object", "o"),
    CHARS("CharSequence", "cq");

    /** Source spelling. */
    final String java;

    /** The factory in {@code dev.weft.fuzz.rt.L} that makes a leaf future of this type. */
    final String leaf;

    Ty(String java, String leaf) {
        this.java = java;
        this.leaf = leaf;
    }

    boolean numeric() {
        return this == INT
                || this == LONG
                || this == DOUBLE
                || this == FLOAT
                || this == BYTE
                || this == SHORT
                || this == CHAR;
    }

    /** A literal of this type; also the shrinker's replacement for any expression of it. */
    String literal(SplittableRandom r) {
        int v = r.nextInt(-3, 10);
        switch (this) {
            case INT:
                return Integer.toString(v);
            case LONG:
                return v + "L";
            case DOUBLE:
                return v + ".5";
            case FLOAT:
                return v + ".25f";
            case BOOLEAN:
                return r.nextBoolean() ? "true" : "false";
            case BYTE:
                return "(byte) " + v;
            case SHORT:
                return "(short) " + v;
            case CHAR:
                return "'" + (char) ('a' + Math.floorMod(v, 26)) + "'";
            case STRING:
                return "\"s" + Math.floorMod(v, 4) + "\"";
            case BOX:
                return "new Box(" + v + ")";
            case OBJ:
                return "\"o" + Math.floorMod(v, 3) + "\"";
            case CHARS:
                return "\"c" + Math.floorMod(v, 3) + "\"";
            default:
                return "new int[] {" + v + ", 2}";
        }
    }

    /** The simplest literal, used by the shrinker. */
    String simplest() {
        switch (this) {
            case INT:
                return "0";
            case LONG:
                return "0L";
            case DOUBLE:
                return "0.0";
            case FLOAT:
                return "0f";
            case BOOLEAN:
                return "false";
            case BYTE:
                return "(byte) 0";
            case SHORT:
                return "(short) 0";
            case CHAR:
                return "'a'";
            case STRING:
                return "\"\"";
            case BOX:
                return "new Box(0)";
            case OBJ:
                return "\"o\"";
            case CHARS:
                return "\"c\"";
            default:
                return "new int[] {0}";
        }
    }

    static Ty any(SplittableRandom r) {
        Ty[] all = values();
        return all[r.nextInt(all.length)];
    }
}
