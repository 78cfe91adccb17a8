/**
 * The control-flow graph of one method, for the stages that run dataflow problems over it
 * (liveness in analyze; check's {@code HeldMonitors} follows only the handlers the JVM can reach), and {@link dev.weft.agent.flow.UninitializedObjects},
 * where the objects under construction are (normalize moves them, verify checks them), with
 * {@link dev.weft.agent.flow.ConstructionShapes}, the linear pre-check that proves the common
 * straight {@code NEW, DUP, pushes, <init>} shape clean without that data-flow pass, and
 * {@link dev.weft.agent.flow.StraightLine}, which tells when one call feeds the next with nothing
 * able to come between (an awaited call that may become a direct await).
 *
 * <p>{@link dev.weft.agent.flow.HierarchyVerifier} is the verifier the typed-frame analyses run
 * with (analyze's frames, verify's check of woven code), its subtype questions answered from
 * class files, never by loading a class.
 * <p>{@link dev.weft.agent.flow.BlockAnalyzer} runs every such typed or value analysis: ASM's
 * Analyzer's fixpoint over basic blocks, so that javac methods of tens of thousands of
 * instructions inside hundreds of try ranges cost one frame per block, not a frame per handler
 * per instruction visit, and need no allocation or operation bound.
 * <p>Invariant: exception edges are included — from every instruction inside a try range to its
 * handler — because a value read only by a handler is live throughout the protected range.
 */
package dev.weft.agent.flow;
