/**
 * The seed's examples written as plain Java that awaits. Run them with the agent
 * ({@code scripts/demo}, or {@code java -javaagent:agent/target/weft-agent.jar -cp ...
 * dev.weft.examples.Main}); without it, {@code Async.await} and {@code Generator.yield} throw
 * IllegalStateException saying how to enable weaving.
 *
 * <p>Invariant: nothing here uses weft internals; only the public API of {@code dev.weft}.
 */
package dev.weft.examples;
