/**
 * The await-depth group (issue 8, point 1): chains of D async frames (three long locals live
 * across each await) in weft ({@link dev.weft.bench.depth.WeftChains}, woven by the agent),
 * virtual threads ({@link dev.weft.bench.depth.JdkChains}, the JDK's {@code Ring} shape) and
 * Kotlin suspend funs ({@code KotlinChains.kt}). {@link dev.weft.bench.depth.DepthBench}
 * measures (a) a suspend/wake/resume cycle and (c) a ready await through the chain with JMH;
 * (b), the bytes a suspended chain retains, is measured by the footprint harness.
 *
 * <p>Invariants: every chain computes and checks the same answer; (a) runs each peer on one
 * thread (weft's current-thread runtime, one virtual-thread carrier, Kotlin's runBlocking loop)
 * so that the comparison is of suspension mechanics, not of cross-core hand-offs.
 */
package dev.weft.bench.depth;
