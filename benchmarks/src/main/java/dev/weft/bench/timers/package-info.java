/**
 * Timer benchmarks of issue 8 point 3, run by {@code benchmarks/run/timers}.
 *
 * <ul>
 *   <li>{@link dev.weft.bench.timers.TimerBench} (JMH, {@code -prof gc}): a timeout created and
 *       cancelled, per operation, on weft ({@code Async.timeout} over a ready future, and over
 *       a pending one so the timer is really armed), Netty's {@code HashedWheelTimer},
 *       {@code ScheduledThreadPoolExecutor} and Kotlin's {@code withTimeout}.
 *   <li>{@link dev.weft.bench.timers.Lateness} (a main): 100,000 sleeps of 1–100 ms started
 *       together, lateness (wake − deadline) into an HdrHistogram per peer, one JSON line each.
 * </ul>
 *
 * <p>Invariants: every peer does the same work per operation (one timer armed and cancelled, or
 * one sleep started and observed), and results are checked (counts) so nothing is optimised
 * away.
 */
package dev.weft.bench.timers;
