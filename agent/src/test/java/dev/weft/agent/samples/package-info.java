/**
 * Sample coroutines compiled by javac and woven by the tests (loaded child-first through
 * {@link dev.weft.agent.testkit.WeavingLoader}). Each public static entry returns a Future (or a
 * CompletableFuture / Generator) whose result the tests compare in ready and pending mode.
 */
package dev.weft.agent.samples;
