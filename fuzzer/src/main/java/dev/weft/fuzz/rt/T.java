package dev.weft.fuzz.rt;

import java.util.ArrayList;
import java.util.List;

/**
 * The side-effect trace of one run. Generated code records values with {@link #t}; both
 * executions must produce the same list. One run at a time per JVM (the fuzzer is sequential).
 */
public final class T {

    private static final List<String> TRACE = new ArrayList<>();

    /** Bound on trace length: a runaway program fails deterministically in both executions. */
    private static final int LIMIT = 20_000;

    private T() {}

    public static void t(Object v) {
        if (TRACE.size() >= LIMIT) {
            throw new FuzzException("trace limit");
        }
        TRACE.add(show(v));
    }

    /** Renders values the same way in both executions (arrays by content). */
    public static String show(Object v) {
        if (v instanceof int[]) {
            return java.util.Arrays.toString((int[]) v);
        }
        if (v instanceof Object[]) {
            return java.util.Arrays.deepToString((Object[]) v);
        }
        return String.valueOf(v);
    }

    /** Entries recorded so far in this run. */
    public static int size() {
        return TRACE.size();
    }

    public static void reset() {
        TRACE.clear();
    }

    public static List<String> snapshot() {
        return new ArrayList<>(TRACE);
    }
}
