/**
 * Stage 5: what must be saved at each suspension point of a normalized coroutine method.
 *
 * <p>Two analyses over the same method:
 * <ol>
 *   <li>types: an ASM {@code Analyzer} with {@link dev.weft.agent.flow.HierarchyVerifier}, a
 *       {@code SimpleVerifier} whose class hierarchy comes from a
 *       {@link dev.weft.agent.hierarchy.TypeHierarchy} — class-file headers that
 *       {@link dev.weft.agent.hierarchy.ClassFiles} reads as {@code .class} resources of the defining loader. Invariant: nothing here loads or
 *       initializes a class (a transformer that loads classes can deadlock or see half-defined
 *       types); {@code HierarchyVerifier.getClass} throws to make any slip loud.
 *   <li>liveness: backward dataflow over the control-flow edges the type analysis records (as {@link dev.weft.agent.flow.ControlFlowGraph} would), with
 *       exception edges, so a value read only in a catch or finally handler is still saved.
 * </ol>
 * A local is saved at a point iff it is live after the suspension call and has a definite type
 * there. Locals holding the null constant are not saved; resume code pushes null again.
 */
package dev.weft.agent.analyze;
