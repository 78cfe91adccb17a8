/**
 * The runtime's counters: what its workers ({@link dev.weft.internal.metrics.WorkerCounters}),
 * driver and timer wheel ({@link dev.weft.internal.metrics.DriverMetrics}) did, for tests,
 * measurements and users, who read them through {@code dev.weft.RuntimeMetrics} (Tokio's
 * {@code RuntimeMetrics}) over a scheduler's {@link dev.weft.internal.metrics.SchedulerStats}.
 * Internal use only; a leaf package that imports no other {@code dev.weft} package.
 *
 * <p>Invariants: recording stays as cheap as the work it counts (a plain field written by the one
 * thread that owns the counted structure, or a {@code LongAdder} where any thread records), and a
 * counter only grows. Per-worker counters are added up only when read, so the hot path writes
 * nothing another core reads or writes at the same time. Readers get a value on demand, without a snapshot across counters; tests
 * compare differences of one counter, never absolute values they did not start from.
 *
 * <p>Layer (docs/design.md, "How the runtime's packages depend on each other"): the bottom: it
 * depends on no other internal package, so every layer may count into it.
 */
package dev.weft.internal.metrics;
