/**
 * Stage 8: checks of woven output, used by the tests and by {@code check}. ASM's
 * {@code CheckClassAdapter} runs its structural checks and a data-flow verification whose class
 * hierarchy comes from the same class-file {@link dev.weft.agent.hierarchy.TypeHierarchy} (no
 * class loading), plus the one rule those verifiers do not model and HotSpot's does: an object
 * under construction is only copied and initialized once
 * ({@link dev.weft.agent.flow.UninitializedObjects}); saving one across a suspension passed
 * ASM's checks and failed in HotSpot. HotSpot's verifier, loading and running the woven class,
 * remains the ground truth; the tests do both.
 *
 * <p>At load time {@code WovenClassVerifier.methodProblems} runs on every woven class unless the
 * agent is told not to ({@code -javaagent:weft-agent.jar=noverify}; the command line and the
 * tests always verify, docs/design.md, "Start-up cost of load-time weaving"), over the
 * generated bodies only: one data-flow pass with the hierarchy verifier, and the second
 * (uninitialized objects) only when some construction is not a straight
 * {@code NEW, DUP, pushes, <init>} run ({@link dev.weft.agent.flow.ConstructionShapes} proves
 * the straight case clean without it). Invariant: a shortcut may skip a check only where it
 * proves the check's answer; it never drops the check.
 */
package dev.weft.agent.verify;
