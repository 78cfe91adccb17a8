package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Generator;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Generators: stackless coroutines that yield values (the seed's generator example). */
class GeneratorTest {

    /**
     * The seed's example: a local borrowed before the yield and used after it. In Rust this
     * needs a pinned self-referential generator; here the state object keeps the reference.
     */
    static Generator<Integer> borrowAcrossYield(List<String> out) {
        StringBuilder toBorrow = new StringBuilder("Hello");
        CharSequence borrowed = toBorrow;
        Generator.yield(borrowed.length());
        out.add(borrowed + " world!");
        return null;
    }

    @Test
    void seedExampleLocalBorrowedBeforeYieldUsedAfter() {
        List<String> out = new ArrayList<>();
        Generator<Integer> g = borrowAcrossYield(out);
        assertEquals(List.of(), out, "nothing runs before the first hasNext");
        assertTrue(g.hasNext());
        assertEquals(5, g.next());
        assertEquals(List.of(), out);
        assertFalse(g.hasNext());
        assertEquals(List.of("Hello world!"), out);
        assertThrows(NoSuchElementException.class, g::next);
    }

    static Generator<Long> range(long from, long to, long step) {
        for (long i = from; i < to; i += step) {
            Generator.yield(i);
        }
        return null;
    }

    @Test
    void forEachOverAGenerator() {
        long sum = 0;
        List<Long> seen = new ArrayList<>();
        for (long v : range(3, 12, 4)) {
            seen.add(v);
            sum += v;
        }
        assertEquals(List.of(3L, 7L, 11L), seen);
        assertEquals(21L, sum);
    }

    static Generator<Integer> fibs() {
        int a = 0;
        int b = 1;
        while (true) {
            Generator.yield(a);
            int t = a + b;
            a = b;
            b = t;
        }
    }

    @Test
    void infiniteGeneratorAsAStream() {
        assertEquals(
                List.of(0, 1, 1, 2, 3, 5, 8, 13, 21, 34),
                fibs().stream().limit(10).collect(Collectors.toList()));
    }

    static Generator<String> mixed(String[] words, double factor) {
        long count = 0;
        double acc = 0.5;
        for (String w : words) {
            count++;
            acc *= factor;
            Generator.yield(w + count);
            if (w.isEmpty()) {
                continue;
            }
            Generator.yield(w.charAt(0) + ":" + acc);
        }
        try {
            Generator.yield("in try");
        } finally {
            Generator.yield("in finally");
        }
        return null;
    }

    @Test
    void generatorWithLoopsWidePrimitivesAndFinally() {
        List<String> got = new ArrayList<>();
        mixed(new String[] {"ab", "", "c"}, 2.0).forEachRemaining(got::add);
        assertEquals(List.of("ab1", "a:1.0", "2", "c3", "c:4.0", "in try", "in finally"), got);
    }

    static final IllegalStateException GEN_FAILURE = new IllegalStateException("gen");

    static Generator<Integer> failing() {
        Generator.yield(1);
        if (GEN_FAILURE != null) {
            throw GEN_FAILURE;
        }
        return null;
    }

    @Test
    void exceptionInAGeneratorComesOutOfHasNext() {
        Generator<Integer> g = failing();
        assertEquals(1, g.next());
        assertSame(GEN_FAILURE, assertThrows(IllegalStateException.class, g::hasNext));
        assertFalse(g.hasNext(), "a failed generator is finished");
    }

    final int offset = 100;

    Generator<Integer> instanceGenerator(int n) {
        for (int i = 0; i < n; i++) {
            Generator.yield(offset + i);
        }
        return null;
    }

    @Test
    void instanceGeneratorReadsFields() {
        assertEquals(
                List.of(100, 101, 102),
                new GeneratorTest().instanceGenerator(3).stream().collect(Collectors.toList()));
    }

    static Generator<Integer> nestedGenerators(int n) {
        for (int i = 0; i < n; i++) {
            for (long v : range(0, i, 1)) {
                Generator.yield((int) v * 10 + i);
            }
        }
        return null;
    }

    @Test
    void generatorConsumingAnotherGenerator() {
        assertEquals(
                List.of(1, 2, 12, 3, 13, 23),
                nestedGenerators(4).stream().collect(Collectors.toList()));
    }

    interface Numbers {
        default Generator<Integer> upTo(int n) {
            for (int i = 1; i <= n; i++) {
                Generator.yield(i);
            }
            return null;
        }
    }

    @Test
    void generatorLambdasAndInterfaceDefaultGenerators() {
        java.util.function.Supplier<Generator<String>> lambda =
                () -> {
                    String prefix = "l";
                    Generator.yield(prefix + 1);
                    Generator.yield(prefix + 2);
                    return null;
                };
        assertEquals(List.of("l1", "l2"), lambda.get().stream().collect(Collectors.toList()));
        assertEquals(
                List.of(1, 2, 3), new Numbers() {}.upTo(3).stream().collect(Collectors.toList()));
    }
}
