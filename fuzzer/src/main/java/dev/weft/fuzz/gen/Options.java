package dev.weft.fuzz.gen;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which constructs the generator may use. Every base construct is on by default; a known weaver
 * bug is avoided by switching its construct off (system property {@code weft.fuzz.avoid}, comma
 * separated), so fuzzing goes on past it. The opt-in constructs of issue 12 are on only in the
 * {@link Family} that names them (and can be avoided too).
 *
 * <p>Feature names: await-stmt, ternary, switch-expr, switch-int, switch-string, switch-enum,
 * loops, labels, try, throw, twr, new-box, arrays, varargs, lambdas, await-lambda, calls,
 * instance, interface, eager, generators, stage, compound-assign, return-early, tail-call, wide;
 * opt-in: sync, deep, eager-deep, uninit, patterns, agen.
 *
 * <p>{@code maxChain} bounds the recursion depth N of the deep families (system property
 * {@code weft.fuzz.chain}, default 2000): the woven descent uses the Java stack, so N must fit the
 * stack the campaign runs with.
 */
public final class Options {

    /** Default N bound of the deep families; fits scripts/fuzz's -Xss4m with today's weaver. */
    public static final int DEFAULT_MAX_CHAIN = 2000;

    private final Set<String> avoided;
    public final Family family;
    public final int maxChain;

    public Options(Set<String> avoided) {
        this(avoided, Family.BASE, DEFAULT_MAX_CHAIN);
    }

    public Options(Set<String> avoided, Family family, int maxChain) {
        this.avoided = new TreeSet<>(avoided);
        this.family = family;
        this.maxChain = maxChain;
    }

    /** From {@code weft.fuzz.avoid}, {@code weft.fuzz.family} (default base) and {@code weft.fuzz.chain}. */
    public static Options fromSystemProperties() {
        String s = System.getProperty("weft.fuzz.avoid", "").trim();
        return new Options(
                s.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(s.split("\\s*,\\s*"))),
                Family.parse(System.getProperty("weft.fuzz.family", "base")),
                Integer.getInteger("weft.fuzz.chain", DEFAULT_MAX_CHAIN));
    }

    /** The same avoided set and bound for another family. */
    public Options withFamily(Family f) {
        return new Options(avoided, f, maxChain);
    }

    public boolean on(String feature) {
        if (avoided.contains(feature)) {
            return false;
        }
        return !Family.OPT_IN.contains(feature) || family.features.contains(feature);
    }

    @Override
    public String toString() {
        return "family "
                + family.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                + (avoided.isEmpty() ? ", all constructs" : ", avoiding " + avoided)
                + (family == Family.DEEP || family == Family.EAGER_DEEP || family == Family.MIXED
                        ? ", chain <= " + maxChain
                        : "");
    }
}
