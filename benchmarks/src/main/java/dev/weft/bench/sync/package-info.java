/**
 * JMH benchmarks of {@code dev.weft.sync} (issue 7): Tokio's ping_pong and request_reply shapes
 * and mpsc throughput with 5 producers, weft side by side with Kotlin channels and virtual
 * threads on JDK blocking queues. Run by {@code scripts/bench}.
 *
 * <p>Invariants: each benchmark verifies what it received (counts or sums), so lost or
 * duplicated messages fail instead of looking fast.
 */
package dev.weft.bench.sync;
