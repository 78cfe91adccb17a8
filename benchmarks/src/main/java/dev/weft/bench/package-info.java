/**
 * JMH benchmarks of the scheduler (issue 5): Tokio's skynet, spawn_many, chained_spawn and
 * yield_many, with weft side by side with virtual threads, ForkJoinPool, CompletableFuture and
 * Kotlin coroutines in one run. Run by {@code scripts/bench}; results in docs/benchmarks.md.
 *
 * <p>Invariants: every executor gets one thread per core; a benchmark checks its answer (skynet
 * must sum to 499999500000) so a broken peer cannot look fast; nothing here runs during
 * {@code mvn verify}.
 */
package dev.weft.bench;
