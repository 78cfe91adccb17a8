/**
 * Executing a generated program: in-memory compilation, a fresh class loader per batch (the
 * agent weaves as it defines), the woven and the reference execution, and the bytecode checks.
 *
 * <p>Protocol for one batch:
 * <ol>
 *   <li>compile every program of the batch in one javac task per {@code --release} (the JDK 21
 *       family in its own), against {@code dev.weft} (package {@code fz}); re-shape the class
 *       files of uninit-family programs with {@link dev.weft.fuzz.exec.UninitializedShuffle};
 *       derive the reference classes (package {@code fzr}) from those same class files with
 *       {@link dev.weft.fuzz.exec.ReferenceRemapper};</li>
 *   <li>define the {@code fz} classes in one {@link dev.weft.fuzz.exec.ProgramLoader} (woven by the
 *       agent) and the {@code fzr} classes in another (untouched);</li>
 *   <li>per program: load the reference class (HotSpot verifies it; for re-shaped programs also
 *       CheckClassAdapter, so a post-pass bug is a harness failure, never a weaver verdict),
 *       initialize the woven class (HotSpot verifies it), run both executions under
 *       the same leaf schedule, compare, then check the woven bytes with
 *       {@link dev.weft.fuzz.exec.BytecodeChecker}.</li>
 * </ol>
 */
package dev.weft.fuzz.exec;
