/**
 * Maximum recursion depth per Java stack size (issue 12, point 4): plain Java against weft's lazy
 * chains (direct await, pending leaf, state objects) and eager chains. One cold attempt per JVM
 * ({@link dev.weft.bench.stack.StackDepth}); {@code benchmarks/run/stackdepth} bisects the depth.
 * Needs the agent ({@code -javaagent:weft-agent.jar}); not a JMH benchmark.
 */
package dev.weft.bench.stack;
