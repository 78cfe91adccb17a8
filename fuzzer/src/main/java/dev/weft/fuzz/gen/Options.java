package dev.weft.fuzz.gen;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which constructs the generator may use. Every construct is on by default; a known weaver bug is
 * avoided by switching its construct off (system property {@code weft.fuzz.avoid}, comma
 * separated), so fuzzing goes on past it.
 *
 * <p>Feature names: await-stmt, ternary, switch-expr, switch-int, switch-string, switch-enum,
 * loops, labels, try, throw, twr, new-box, arrays, varargs, lambdas, await-lambda, calls,
 * instance, interface, eager, generators, stage, compound-assign, return-early, tail-call, wide.
 */
public final class Options {

    private final Set<String> avoided;

    public Options(Set<String> avoided) {
        this.avoided = new TreeSet<>(avoided);
    }

    public static Options fromSystemProperties() {
        String s = System.getProperty("weft.fuzz.avoid", "").trim();
        return new Options(s.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(s.split("\\s*,\\s*"))));
    }

    public boolean on(String feature) {
        return !avoided.contains(feature);
    }

    @Override
    public String toString() {
        return avoided.isEmpty() ? "all constructs" : "avoiding " + avoided;
    }
}
