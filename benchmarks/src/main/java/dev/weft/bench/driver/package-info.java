/**
 * Issue 6, point 1: the reactor's two driving modes measured side by side in one JVM
 * ({@code -Dweft.driver=thread}, a dedicated driver thread per runtime, against
 * {@code worker}, idle workers driving the selector as Tokio's do). {@link
 * dev.weft.bench.driver.DriverBench} is a plain main (no JMH, no weaver: its futures are written
 * by hand): a TCP echo ping-pong with 64-byte messages over 1 and 100 connections (throughput,
 * p50/p99 round trip, HdrHistogram) and the lateness of 10,000 sleeps of 1-50 ms.
 *
 * <p>Invariants: both modes run in the same process, alternating round by round, so machine
 * noise hits both; the server and its clients share one runtime of two workers (the machine has
 * two cores); results are compared as ratios within one run.
 */
package dev.weft.bench.driver;
