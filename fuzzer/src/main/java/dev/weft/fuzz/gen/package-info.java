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
 *
 * <p>Families ({@link dev.weft.fuzz.gen.Family}, issue 12) add opt-in constructs to the base
 * generator: {@code synchronized} blocks with awaits only around them
 * ({@link dev.weft.fuzz.gen.StatementGenerator}), deep lazy and eager chains pending at the bottom
 * ({@link dev.weft.fuzz.gen.ChainGenerator}; recursion bounded by {@code n} there, by {@code d}
 * elsewhere), Java 21 patterns ({@link dev.weft.fuzz.gen.PatternGenerator}), async generators
 * (methods returning {@code AsyncStream} that await and yield, drained where they are called by
 * {@code dev.weft.fuzz.rt.G#collect}); the uninit family is
 * the base generator whose class files {@code exec} re-shapes. Opt-in draws come before the base
 * draws and only when their feature is on, so a base seed gives the same source as before the
 * families existed.
 */
package dev.weft.fuzz.gen;
