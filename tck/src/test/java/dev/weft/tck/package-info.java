/**
 * The Reactive Streams TCK (1.0.4, {@code reactive-streams-tck-flow}, TestNG) against weft's
 * bridges to {@link java.util.concurrent.Flow}: {@code FlowPublisherVerification} for
 * {@code AsyncStream.toPublisher} over a ready stream, a stream whose every {@code hasNext()}
 * suspends and is woken from another thread, and {@code Channel.stream()} fed by another task;
 * {@code FlowSubscriberBlackboxVerification} (prefetch 1) and
 * {@code FlowSubscriberWhiteboxVerification} (prefetch 4) for the subscriber behind
 * {@code AsyncStream.from}. The streams are written by hand; each publisher is made on a
 * work-stealing runtime (inside {@code blockOn}), so its emission task runs there.
 *
 * <p>Counts (each class on JDK 17, and again on JDK 25): 167 tests, 103 passed, 64 skipped, 0
 * failed. Every skip, by the rule it covers:
 * <ul>
 *   <li>Publisher, 7 per class: {@code untested_spec106, 107 (onError), 108, 109
 *       (subscribeShouldNotThrow), 110, 304, 305}: rules 1.6, 1.7, 1.8, 1.9, 1.10, 3.4, 3.5,
 *       which the TCK does not verify (its methods only skip). Our own tests cover 1.7 (no signal
 *       after a terminal one: {@code RecordingSubscriber} in the runtime's unit tests), 1.9
 *       (subscribe never throws but for null) and 3.5 (cancel only records and wakes the task).
 *   <li>Publisher, 5 per class: {@code optional_spec111_*}: rule 1.11, multiple subscribers, is
 *       optional. A stream has one consumer, so its publisher serves one subscriber and refuses
 *       the next with {@code onSubscribe} then {@code onError(IllegalStateException)}; the TCK
 *       skips these optional tests on that error.
 *   <li>Blackbox subscriber, 15: {@code untested_spec202, 204, 206, 207, 208, 211, 212, 213,
 *       301, 308, 310, 311, 314, 315, 316} (rules 2.2, 2.4, 2.6, 2.7, 2.8, 2.11, 2.12, 2.13,
 *       3.1, 3.8, 3.10, 3.11, 3.14, 3.15, 3.16), not verified by the blackbox TCK; 2.8 and 3.8
 *       are verified (and pass) in the whitebox class, 2.7 is the subscriber's
 *       {@code drainUpstream} (one caller of the subscription at a time).
 *   <li>Whitebox subscriber, 13: {@code untested_spec202, 204, 206, 207, 211, 212, 213, 301,
 *       310, 311, 314, 315, 316}: the same rules, not verified by the whitebox TCK either.
 * </ul>
 * No required or optional test of the TCK fails or is skipped by us: every skip is the TCK's own.
 */
package dev.weft.tck;
