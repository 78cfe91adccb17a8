package dev.weft.fuzz.gen;

import java.util.List;

/** The signature of a generated method, decided before any body so that calls may go anywhere. */
final class Method {

    enum Kind {
        LAZY,
        EAGER,
        GENERATOR,
        ASYNC_GENERATOR
    }

    final String name;
    final Kind kind;
    final boolean isStatic;

    /** Parameters after the leading {@code int d} (recursion depth; generators have none). */
    final List<Ty> params;

    /** Declared private (never the entry, never an interface method). */
    boolean isPrivate;

    /** Declared in the program's nested interface I (a default method, or a static one). */
    boolean inInterface;

    /** Eager methods only: declared as CompletionStage rather than CompletableFuture. */
    boolean stage;

    /**
     * A deep-family chain method {@code (int d, int n)}: recurses on n only, once per level, and
     * awaits an always-pending leaf at n == 0. Called only by the entry, never a random callee.
     */
    boolean chain;

    /** The n the entry starts the chain with. */
    int chainLength;

    Method(String name, Kind kind, boolean isStatic, List<Ty> params) {
        this.name = name;
        this.kind = kind;
        this.isStatic = isStatic;
        this.params = params;
    }
}
