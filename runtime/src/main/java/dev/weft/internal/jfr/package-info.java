/**
 * weft's JDK Flight Recorder events, named {@code dev.weft.*}: {@code TaskSpawn}, {@code TaskEnd},
 * {@code WorkerPark} and {@code SlowPoll} (the agent adds {@code WeaveClass} and
 * {@code WeaveRejection}). Internal use only; users select them with the {@code weft.jfc}
 * settings file shipped next to this runtime's classes ({@code dev/weft/weft.jfc}).
 *
 * <p>Invariants:
 * <ol>
 *   <li>The runtime keeps working without the {@code jdk.jfr} module (a jlinked image may leave
 *       it out): the runtime calls only {@link dev.weft.internal.jfr.WeftEvents}, which mentions
 *       no {@code jdk.jfr} type and reaches the event classes (through {@code Emit}) only when
 *       the module is in the boot layer, so they are never loaded otherwise.
 *   <li>No event class is loaded before Flight Recorder is initialized in the JVM (a recording
 *       started): the JVM's first event class brings JFR itself up, measured at ~400 classes and
 *       170 ms on JDK 25. {@code RecorderWatch} registers a {@code FlightRecorderListener}
 *       (a few classes) that raises {@code WeftEvents.recorderUp}; until then every event method
 *       is one volatile read.
 *   <li>The hot path (spawn, completion, park) pays one {@code isEnabled()} check of an event
 *       object that escape analysis removes: before any recording the event classes are not
 *       instrumented and the check is the constant {@code false}; during a recording that leaves
 *       the event off it is one field read. Only an enabled event reads the clock or allocates.
 *   <li>Per-task events ({@code TaskSpawn}, {@code TaskEnd}) and {@code WorkerPark} are off
 *       unless a settings file turns them on ({@code @Enabled(false)}): JFR's own default and
 *       profile settings leave them off, so a recording started without {@code weft.jfc} costs
 *       a task nothing. {@code SlowPoll} is on by default: it is rare and it is the point.
 * </ol>
 *
 * <p>Layer (docs/design.md, "How the runtime's packages depend on each other"): above {@code
 * internal.task}; below {@code internal.scheduler}.
 */
package dev.weft.internal.jfr;
