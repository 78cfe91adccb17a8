/**
 * JMH benchmarks of the channels of issue 17: the rendezvous {@code Channel} against Kotlin's
 * {@code Channel(RENDEZVOUS)} and a virtual thread's {@code SynchronousQueue}, {@code Broadcast}
 * against {@code MutableSharedFlow}, {@code Watch} against {@code MutableStateFlow}. Run by
 * {@code scripts/bench channels} ({@code benchmarks/run/channels}).
 *
 * <p>Invariants: each benchmark verifies what it received (sums, round trips), so lost or
 * duplicated values fail instead of looking fast.
 */
package dev.weft.bench.channels;
