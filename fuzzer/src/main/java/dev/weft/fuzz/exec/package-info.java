/**
 * Executing a generated program: in-memory compilation, a fresh class loader per batch (the
 * agent weaves as it defines), the woven and the reference execution, and the bytecode checks.
 *
 * <p>Protocol for one batch:
 * <ol>
 *   <li>compile every program of the batch in one javac task, against {@code dev.weft}
 *       (package {@code fz}), and derive the reference classes (package {@code fzr}) from the
 *       same class files with {@link dev.weft.fuzz.exec.ReferenceRemapper};</li>
 *   <li>define the {@code fz} classes in one {@link dev.weft.fuzz.exec.ProgramLoader} (woven by the
 *       agent) and the {@code fzr} classes in another (untouched);</li>
 *   <li>per program: initialize the woven class (HotSpot verifies it), run both executions under
 *       the same leaf schedule, compare, then check the woven bytes with
 *       {@link dev.weft.fuzz.exec.BytecodeChecker}.</li>
 * </ol>
 */
package dev.weft.fuzz.exec;
