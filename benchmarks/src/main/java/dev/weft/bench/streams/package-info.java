/**
 * The async-stream group (issue 17, point 2): time and bytes per stream element, with JMH's
 * {@code -prof gc}, for weft's streams ({@link dev.weft.bench.streams.StreamWorkloads}: woven
 * consumers, {@code while (await(s.hasNext())) s.next()}) next to a Kotlin {@code Flow}
 * ({@code KotlinStreams.kt}) and the JDK's {@code SubmissionPublisher}.
 *
 * <p>Invariants: every workload moves the same {@link dev.weft.bench.streams.StreamBench#N}
 * elements, taken from one preallocated array of Integers, and checks their sum, so a byte per
 * element is the stream's own cost, never the element's.
 */
package dev.weft.bench.streams;
