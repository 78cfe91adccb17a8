package dev.weft.examples;

import dev.weft.Generator;

/**
 * The seed's generator: a local is borrowed before {@code yield} and used after it. In Rust that
 * makes the generator self-referential (it must be pinned); in Java the generator's state object
 * lives on the heap and holds the reference like any other field, so the garbage collector may
 * move it freely and nothing needs pinning.
 */
public final class GeneratorDemo {

    private GeneratorDemo() {}

    /** Woven into a stackless coroutine: each hasNext() runs the body to its next yield. */
    static Generator<Integer> borrowing() {
        String toBorrow = "Hello";
        String borrowed = toBorrow;
        Generator.yield(borrowed.length());
        System.out.println(borrowed + " world!");
        return null;
    }

    /** Resumes the generator twice: once to its yield, once to its end. */
    public static void run() {
        Generator<Integer> gen = borrowing();
        if (gen.hasNext()) {
            System.out.println("Got value " + gen.next());
        }
        if (!gen.hasNext()) {
            System.out.println("Generator complete");
        }
    }

    public static void main(String[] args) {
        run();
    }
}
