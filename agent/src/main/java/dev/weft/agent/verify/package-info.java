/**
 * Stage 8: checks of woven output, used by the tests and by {@code check}. ASM's
 * {@code CheckClassAdapter} runs its structural checks and a data-flow verification whose class
 * hierarchy comes from the same class-file {@link dev.weft.agent.analyze.TypeHierarchy} (no
 * class loading). HotSpot's verifier, loading and running the woven class, remains the ground
 * truth; the tests do both.
 */
package dev.weft.agent.verify;
