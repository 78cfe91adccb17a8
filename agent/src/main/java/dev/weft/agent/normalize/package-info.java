/**
 * Stage 4: rewrite a coroutine method (still in its original shape) so that at every suspension
 * call the operand stack holds exactly the call's argument. After this stage only local
 * variables are ever live across a suspension, which is all the state object saves.
 *
 * <p>Steps, in order:
 * <ol>
 *   <li>{@link dev.weft.agent.normalize.NewMover}: an uninitialized object ({@code NEW X; DUP})
 *       cannot be stored in a local, so for every {@code new X(..)} whose argument evaluation
 *       contains a suspension point, the {@code NEW; DUP} pair is deleted and re-created right
 *       before the constructor call, after the arguments have been moved to fresh locals.
 *       Kilim failed on {@code new Foo(a, await(b))}; this is why weft does not.
 *   <li>{@link dev.weft.agent.normalize.StackSpiller}: the values below the suspension call's
 *       argument are stored to fresh locals before the call and reloaded after it (every width,
 *       long and double included).
 * </ol>
 * Invariant: the suspension call's {@code MethodInsnNode} objects survive unchanged, so
 * the {@link dev.weft.agent.check.SuspensionPoint}s found by check stay valid.
 */
package dev.weft.agent.normalize;
