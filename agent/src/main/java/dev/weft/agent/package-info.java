/**
 * weft's weaver: the {@code -javaagent} entry point ({@link dev.weft.agent.WeftAgent}) and its
 * class-file transformer. The weaving pipeline lives in the stage packages, in order:
 * {@code scan → read → check → normalize → analyze → plan → emit}, driven by
 * {@code weave.Weaver}; {@code verify} and {@code cli} sit on top.
 *
 * <p>Agent invariants:
 * <ol>
 *   <li>the transformer never throws and never loads classes; any failure is printed once as
 *       {@code [weft] ...} and the class passes through untouched;
 *   <li>bootstrap-loader classes, the JDK and weft's own runtime are never transformed;
 *   <li>redefinitions and retransformations are ignored (weaving happens once, at definition).
 * </ol>
 */
package dev.weft.agent;
