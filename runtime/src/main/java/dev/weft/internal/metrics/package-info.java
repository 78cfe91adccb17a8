/**
 * The runtime's counters: what its driver and timer wheel did, for tests, measurements and (once
 * the diagnostics issue exposes them) users, in the manner of Tokio's {@code RuntimeMetrics}.
 * Internal use only; a leaf package that imports no other {@code dev.weft} package.
 *
 * <p>Invariants: recording stays as cheap as the work it counts (a plain field written by the one
 * thread that owns the counted structure, or a {@code LongAdder} where any thread records), and a
 * counter only grows. Readers get a value on demand, without a snapshot across counters; tests
 * compare differences of one counter, never absolute values they did not start from.
 */
package dev.weft.internal.metrics;
