/**
 * Stage 7: write the woven code. Emission never analyzes: every decision comes in a
 * {@link dev.weft.agent.plan.CompanionLayout}.
 *
 * <p>Per coroutine method {@code m} of host {@code H}:
 * <ol>
 *   <li>{@link dev.weft.agent.emit.CompanionEmitter}: the companion {@code H$weft$m$N}
 *       (synthetic, final, same package) extending the runtime's Coroutine / EagerCoroutine /
 *       GeneratorCoroutine / AsyncGeneratorCoroutine, with the planned fields, a static factory {@code weft$new(params)}
 *       returning m's declared type, and {@code resume} calling the body.
 *   <li>{@link dev.weft.agent.emit.StubEmitter}: m's body becomes "return weft$new(this, params)".
 *   <li>{@link dev.weft.agent.emit.BodyEmitter}: the original body moves to a synthetic static
 *       method {@code m(companion, cx)} in H (an overload of m) as a state machine.
 *   <li>{@link dev.weft.agent.emit.DirectEmitter}: for a method some await of H calls directly,
 *       the direct entry {@code m(this?, params..., cx, root)}: the body run without a state
 *       object, which it allocates (package-private constructor) only when it suspends.
 *   <li>{@link dev.weft.agent.emit.CompanionEmbedder}: the companion's bytes become string
 *       constants in H, defined by {@code CompanionLoader.define} first thing in H's
 *       {@code <clinit>}.
 * </ol>
 *
 * <p>Verification invariant: H names the companion only as the receiver of its own fields, as
 * the owner of {@code weft$new}, in the body's descriptor, and as the operand of {@code new} and
 * {@code <init>} in direct entries — places where the verifier compares names and never loads the
 * class — so verifying H cannot load the companion before {@code <clinit>} defines it. A new
 * companion leaves a direct entry only as an Object argument ({@code Coroutine.handOff}), never
 * where the verifier would have to check it against a class type. Inherited fields ({@code state}, {@code awaiting},
 * {@code yielded}) are always referenced through the companion's name for the same reason.
 */
package dev.weft.agent.emit;
