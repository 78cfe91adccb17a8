/**
 * The reference semantics: the same generated source compiled against this package's
 * {@code Async} and {@code Generator} instead of {@code dev.weft}'s. Nothing here is a suspension
 * point the agent knows (it looks for {@code dev/weft/Async} and {@code dev/weft/Generator}), so
 * the reference classes run unwoven: an await is ordinary evaluation of an outcome that is
 * already known, and a generator body runs to its end when called, its yields buffered.
 *
 * <p>Why the two agree: generated code awaits every future in the expression that creates it, so
 * running a callee's body at the call (reference) or at the first poll of the await (woven)
 * happens between the same two side effects.
 */
package dev.weft.fuzz.ref;
