package dev.weft.examples;

/** Runs the examples in order: the seed's generator, the seed's timer chain, then structured concurrency. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.out.println("== generator (a local borrowed across a yield)");
        GeneratorDemo.run();
        System.out.println("== timer chain (200 ms, 100 ms, 50 ms)");
        TimerChain.run();
        System.out.println("== structured concurrency (Scope)");
        ScopeDemo.run();
    }
}
