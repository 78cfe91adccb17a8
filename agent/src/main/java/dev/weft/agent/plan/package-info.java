/**
 * Stage 6: the layout of one coroutine's companion (state) class.
 *
 * <p>Fields are typed by category — {@code I} (every int-like type), {@code J}, {@code F},
 * {@code D} and {@code Ljava/lang/Object;} for references — and shared across suspension points:
 * at each point the k-th saved local of a category uses field k of that category, so the class has
 * max-over-points fields per category (Kotlin's spilling layout). Parameters (and {@code this})
 * use the same fields for "state 0". Reference fields hold the exact type only by the resume
 * code's CHECKCAST, which restores the analyzed type.
 *
 * <p>State numbers: 0 = not started, 1..n = the reachable suspension points in instruction order.
 *
 * <p>{@link dev.weft.agent.plan.DirectAwaits} decides which awaits call a callee's direct entry
 * (docs/design.md, "Direct await of woven methods"): only what can be proved from the class
 * itself — a same-class lazy
 * callee woven in the same pass, a call that cannot dispatch elsewhere, a receiver that is
 * {@code this}, and nothing between the call and the await.
 */
package dev.weft.agent.plan;
