/**
 * Stage 4: rewrite a coroutine method (still in its original shape) so that at every suspension
 * call the operand stack holds exactly the call's argument. After this stage only local
 * variables are ever live across a suspension, which is all the state object saves.
 *
 * <p>Steps, in order:
 * <ol>
 *   <li>{@link dev.weft.agent.normalize.MayThrowArguments}: {@code Async.await(f, X.class)}
 *       becomes {@code Async.await(f)} (the class only lets javac accept {@code catch (X e)}),
 *       so no later stage knows the two-argument forms.
 *   <li>{@link dev.weft.agent.normalize.NewMover}: an uninitialized object (the value of
 *       {@code NEW X} before its {@code <init>}) can be neither saved in a field nor restored
 *       from one, so every allocation whose object is held at a suspension point — on the stack
 *       ({@code new Foo(a, await(b))}) or in a local (javac spills the {@code NEW}/{@code DUP}
 *       pair to locals before a {@code try} inside a switch expression) — has its {@code NEW},
 *       DUPs, loads and stores deleted and re-created right before the constructor call, after
 *       the arguments have been moved to fresh locals. Stack instructions that move it among
 *       other values (SWAP, DUP_X1, DUP2_X2..., from other compilers) are rewritten to the same
 *       shuffle without it; only code that does not verify rejects the method at the await's line. Kilim failed on {@code new Foo(a, await(b))}; this is why weft does not.
 *   <li>{@link dev.weft.agent.normalize.StackSpiller}: the values below the suspension call's
 *       argument are stored to fresh locals before the call and reloaded after it (every width,
 *       long and double included). For {@code await(n(args))} with n a Future method of the same
 *       class they are stored before n's call instead, so that the call stays right before the
 *       await and can become a direct await (docs/design.md, "Direct await of woven methods").
 * </ol>
 * Invariants: the suspension call's {@code MethodInsnNode} objects survive (the first step
 * changes only their descriptor), so
 * the {@link dev.weft.agent.check.SuspensionPoint}s found by check stay valid; after this stage
 * no uninitialized object is held, anywhere in the frame, at any suspension point.
 */
package dev.weft.agent.normalize;
