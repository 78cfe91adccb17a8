/**
 * The control-flow graph of one method, shared by the stages that run dataflow problems over it
 * (monitor depth in check, liveness in analyze).
 *
 * <p>Invariant: exception edges are included — from every instruction inside a try range to its
 * handler — because a value read only by a handler is live throughout the protected range.
 */
package dev.weft.agent.flow;
