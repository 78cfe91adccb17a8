/**
 * The machinery behind {@link dev.weft.AsyncStream}: the bridges to and from
 * {@link java.util.concurrent.Flow}. Internal use only.
 *
 * <ul>
 *   <li>{@code PublisherStream} ({@code AsyncStream.from}): the stream is the subscriber; it
 *       requests {@code prefetch} at subscription and then in batches of 75% as the consumer
 *       takes items, so at most {@code prefetch} are ever requested ahead of the consumer.
 *   <li>{@code StreamPublisher} ({@code AsyncStream.toPublisher}): one subscription, driven by a
 *       task spawned on the runtime current at creation (else at subscribe); every signal is
 *       sent by that task.
 *   <li>{@link dev.weft.internal.stream.FlowStreams#TRUE} / {@code FALSE}: the shared answers of
 *       {@code hasNext()}, so a stream that is ready allocates nothing per element.
 * </ul>
 *
 * <p>Invariants: a stream has one consumer, and at most one {@code hasNext()} is outstanding at a
 * time; every Flow signal to a subscriber is serialized; calls to a subscription are serialized
 * (rule 2.7). {@code dev.weft.sync.ChannelStream} ({@code Channel.stream()}) lives next to the
 * channel whose receive it reuses.
 *
 * <p>Layer (docs/design.md, "How the runtime's packages depend on each other"): above {@code
 * internal.coroutine} and {@code internal.context}; below {@code internal.scheduler}.
 */
package dev.weft.internal.stream;
