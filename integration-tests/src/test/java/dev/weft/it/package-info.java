/**
 * Integration tests of woven code: every class here that calls {@code Async.await} or
 * {@code Generator.yield} is woven at load time by the real agent
 * ({@code -javaagent:agent/target/weft-agent.jar}, see the module's pom).
 *
 * <p>Invariants: each construct of issue 3 has its own test, run in both {@link
 * dev.weft.testkit.Mode modes} against an expected value written out by hand, so the two modes
 * must agree; futures are polled by hand (no runtime) except where the construct is about the
 * runtime; nothing asserts on time. Tests share the harness's static state and must run
 * sequentially (surefire's default).
 */
package dev.weft.it;
