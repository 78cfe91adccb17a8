/**
 * The blocking pool behind {@code Async.spawnBlocking}: work that blocks (JDBC, files, DNS)
 * runs here, never on a worker. Internal use only.
 *
 * <p>Policy: reuse an idle thread, else start one (up to 512), else queue; threads retire after
 * 10 s idle; daemon threads; one pool per JVM. The future returned by spawnBlocking is a
 * CompletionStage adapter, so it wakes its task from the pool thread; cancelling it before the
 * work starts skips the work, running work is not interrupted.
 *
 * <p>Layer (docs/design.md, "How the runtime's packages depend on each other"): above {@code
 * internal.context}, {@code internal.future} and {@code internal.time}; below {@code
 * internal.scheduler}.
 */
package dev.weft.internal.blocking;
