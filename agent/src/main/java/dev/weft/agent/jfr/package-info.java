/**
 * The agent's JFR events: {@code dev.weft.WeaveClass} (a class woven at load time, with the time
 * it took) and {@code dev.weft.WeaveRejection} (a method the weaver refused, with the reason).
 * The runtime's events are in {@code dev.weft.internal.jfr}; {@code dev/weft/weft.jfc} in the
 * runtime jar turns all of them on.
 *
 * <p>Invariants: the transformer calls only {@link dev.weft.agent.jfr.WeaveEvents}, which names
 * no {@code jdk.jfr} type and touches the event classes only when the {@code jdk.jfr} module is
 * in the boot layer. {@link dev.weft.agent.jfr.WeaveEvents#preload()}, from premain, registers
 * (on a daemon thread of its own) a {@code FlightRecorderListener} that loads them when Flight
 * Recorder is initialized (at once if it already is), on the thread that initializes it: never
 * while a class is being transformed, and never in a JVM that records nothing (the first event
 * class brings JFR up: ~400 classes, 170 ms on JDK 25). Weaves before that are not recorded.
 * Nothing here throws into the transformer.
 */
package dev.weft.agent.jfr;
