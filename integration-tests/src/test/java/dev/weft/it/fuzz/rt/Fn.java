package dev.weft.it.fuzz.rt;

import dev.weft.Future;

/** A lambda returning a future (a lambda whose body awaits is itself an async method). */
@FunctionalInterface
public interface Fn {
    Future<Integer> apply(int x) throws Exception;
}
