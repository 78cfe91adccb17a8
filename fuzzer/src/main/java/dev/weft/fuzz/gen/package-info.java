/**
 * The program generator: seeded, reproducible random Java sources of async methods, kept as a
 * tree of {@link dev.weft.fuzz.gen.Node}s so that the shrinker can drop statements and replace
 * expressions by literals.
 *
 * <p>Invariants of every generated program: it compiles (javac-clean: no unreachable code, every
 * local definitely assigned); it terminates (bounded loops, recursion bounded by {@code d}); it
 * awaits each future in the expression that creates it; its observable behaviour (return value,
 * exception type and message, trace) is deterministic and free of identity hashes and
 * helpful-NPE messages (which name bytecode locals and so differ once woven).
 */
package dev.weft.fuzz.gen;
