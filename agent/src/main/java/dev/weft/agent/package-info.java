/**
 * weft's weaver: the {@code -javaagent} entry point ({@link dev.weft.agent.WeftAgent}) and its
 * class-file transformer. The weaving pipeline lives in the stage packages, in order:
 * {@code scan → read → check → normalize → analyze → plan → emit}, driven by
 * {@code weave.Weaver}; {@code verify} and {@code cli} sit on top.
 *
 * <p>Agent invariants:
 * <ol>
 *   <li>the transformer never throws and never loads classes of the loader it weaves for; any
 *       failure is printed once as {@code [weft] ...} and the class passes through untouched
 *       (one exception, on the {@code weft-weaver} thread: after the first class woven for a
 *       loader, weft-runtime's {@code CompanionLoader} and {@code EarlyInit} are initialised
 *       there, which runs no code, because that class's static initializer will call them, see
 *       {@code FreshStack});
 *   <li>a transform that runs out of stack is done again on the {@code weft-weaver} thread, so a
 *       class loaded at the bottom of a deep recursion is still woven;
 *   <li>bootstrap-loader classes, the JDK and weft's own runtime are never transformed;
 *   <li>redefinitions and retransformations are ignored (weaving happens once, at definition).
 * </ol>
 */
package dev.weft.agent;
