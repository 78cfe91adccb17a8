/**
 * The idle-footprint group (issue 8, point 2): what a million idle tasks retain, for weft,
 * virtual threads, Kotlin coroutines and CompletableFuture callbacks. {@link
 * dev.weft.bench.footprint.Footprint} is a plain main (not JMH), run once per peer and mode in a
 * JVM of its own by {@code benchmarks/run/footprint}, which writes
 * {@code benchmarks/results/footprint/}.
 *
 * <p>Invariants: bytes are used-heap differences after a full GC, measured with the handles
 * array already allocated; every peer's tasks stay reachable through that array; the class
 * histogram difference is printed with the totals so the bytes can be attributed.
 */
package dev.weft.bench.footprint;
