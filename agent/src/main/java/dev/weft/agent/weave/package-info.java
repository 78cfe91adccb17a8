/**
 * The pipeline driver: runs the stages in order on one class and collects what the agent, the
 * command line and the tests need (woven bytes, rejections, per-method reports, and warnings,
 * which never change the bytes: a class with warnings only comes back with {@code woven == false}).
 * Used identically by load-time and build-time weaving, which is what makes their output byte-identical: the
 * result depends only on the input bytes and the class hierarchy the locator reads.
 *
 * <p>Invariant: a failure inside one method's weaving never escapes as an exception; the method
 * is rejected with a {@code weft: cannot weave} message and the rest of the class is woven. That
 * includes a woven body that fails the weaver's own verifier, where it runs: always for the
 * command line and the tests, and at load time unless {@code -javaagent:weft-agent.jar=noverify}
 * switches it off to save start-up time (docs/design.md, "Start-up cost of load-time
 * weaving"; HotSpot still verifies every class).
 * {@link dev.weft.agent.stats.WeaveStats} ({@code -Dweft.agent.stats=true}) times the stages.
 */
package dev.weft.agent.weave;
