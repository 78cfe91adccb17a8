/**
 * The seed's comparison (issue 8 point 5): skynet written in the four concurrency models of the
 * JVM — platform (OS) threads, virtual threads, CompletableFuture callbacks and weft's stackless
 * coroutines — in one JMH run ({@link dev.weft.bench.seed.SeedBench}, run by
 * {@code benchmarks/run/seed}). The echo-server half of the comparison is measured by the
 * networking group (benchmarks/results/net) and only read by the seed section.
 *
 * <p>Invariants: every variant computes the same sum (checked), every model runs one task per
 * skynet node (no batching), and executors have one thread per core.
 */
package dev.weft.bench.seed;
