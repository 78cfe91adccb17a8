package dev.weft.fuzz.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A program family: the base generator plus the opt-in constructs that target one class of weaver
 * bug (issue 12). A campaign runs one family, or {@link #MIXED}, where the family of each program
 * is a pure function of its seed (so a reported seed still reproduces alone).
 */
public enum Family {
    /** The original generator: no opt-in construct. */
    BASE(17),
    /** {@code synchronized} blocks inside and around try/catch/finally, awaits only outside them. */
    SYNC(17, "sync"),
    /** A lazy method recursing to depth N whose bottom awaits a leaf that is always pending. */
    DEEP(17, "deep"),
    /** The same chain made of eager ({@code CompletableFuture}-returning) methods. */
    EAGER_DEEP(17, "eager-deep"),
    /** javac's output re-shaped by an ASM post-pass: objects under construction moved by stack operations. */
    UNINIT(17, "uninit"),
    /** Java 21 sources (javac {@code --release 21}): pattern switches over a sealed interface, record patterns, guards, bindings live across awaits. */
    JDK21(21, "patterns"),
    /** Async generators (methods returning AsyncStream that await and yield), drained where they are called. */
    AGEN(17, "agen"),
    /** Every family this JDK can compile, one per program in turn. */
    MIXED(17);

    /** Opt-in features: off unless the program's family names them. */
    static final Set<String> OPT_IN =
            Set.of("sync", "deep", "eager-deep", "uninit", "patterns", "agen");

    /** The javac {@code --release} the family needs (17: whatever the running JDK is). */
    public final int release;

    final Set<String> features;

    Family(int release, String... features) {
        this.release = release;
        this.features = Set.of(features);
    }

    /** The family of the program with this seed: itself, or for MIXED one of the families this JDK runs. */
    public Family resolve(long seed) {
        if (this != MIXED) {
            return this;
        }
        List<Family> fit = available();
        fit.remove(MIXED);
        return fit.get((int) Math.floorMod(seed, (long) fit.size()));
    }

    /** Whether the running JDK can compile this family. */
    public boolean runsHere() {
        return Runtime.version().feature() >= release;
    }

    static List<Family> available() {
        List<Family> fit = new ArrayList<>();
        for (Family f : values()) {
            if (f.runsHere()) {
                fit.add(f);
            }
        }
        return fit;
    }

    /** By name, case and dash/underscore insensitive ({@code eager-deep}, {@code jdk21}). */
    public static Family parse(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Family f : values()) {
            if (f.name().equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException(
                "Family.parse(Family.java:74): unknown family '"
                        + name
                        + "' (one of base, sync, deep, eager-deep, uninit, jdk21, agen, mixed)");
    }
}
