package dev.weft.agent.samples;

import dev.weft.Generator;
import java.util.ArrayList;
import java.util.List;

/** Generators: a local borrowed before yield and used after it. */
public final class Generators {

    private Generators() {}

    public static Generator<Integer> counter(int n) {
        List<Integer> borrowed = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < n; i++) {
            borrowed.add(i);
            total += i;
            Generator.yield(i * 10);
            borrowed.add(-i);
        }
        Generator.yield(borrowed.size() * 1000 + (int) total);
        return null;
    }

    /** An object under construction in javac's spilled locals across a yield. */
    public static Generator<String> boxes(int n) {
        for (int i = 0; i < n; i++) {
            Allocations.Box b =
                    new Allocations.Box(
                            switch (i % 2) {
                                case 0 -> {
                                    try {
                                        Generator.yield("y".concat(String.valueOf(i)));
                                        yield "even";
                                    } catch (IllegalStateException e) {
                                        yield "never";
                                    }
                                }
                                default -> "odd";
                            });
            Generator.yield(b.toString());
        }
        return null;
    }

    public static Generator<String> words(String text) {
        for (String w : text.split(" ")) {
            if (!w.isEmpty()) {
                Generator.yield(w.toUpperCase());
            }
        }
        return null;
    }
}
