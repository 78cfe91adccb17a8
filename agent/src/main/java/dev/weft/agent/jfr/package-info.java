/**
 * The agent's JFR events: {@code dev.weft.WeaveClass} (a class woven at load time, with the time
 * it took) and {@code dev.weft.WeaveRejection} (a method the weaver refused, with the reason).
 * The runtime's events are in {@code dev.weft.internal.jfr}; {@code dev/weft/weft.jfc} in the
 * runtime jar turns all of them on.
 *
 * <p>Invariants: the transformer calls only {@link dev.weft.agent.jfr.WeaveEvents}, which names
 * no {@code jdk.jfr} type and touches the event classes only when the {@code jdk.jfr} module is
 * in the boot layer; {@link dev.weft.agent.jfr.WeaveEvents#preload()} loads them from premain,
 * so no class of the agent is loaded while a class is being transformed; nothing here throws
 * into the transformer.
 */
package dev.weft.agent.jfr;
