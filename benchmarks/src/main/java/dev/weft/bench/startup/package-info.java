/**
 * Start-up benchmarks of issue 8 point 4, run by {@code benchmarks/run/startup}, which
 * generates and compiles the programs it starts (a hello world; 2,000 classes of which 100 use
 * {@code await}) and times them from a parent-side clock.
 *
 * <p>{@link dev.weft.bench.startup.ScanCost} measures, inside one JVM, what the agent's
 * transformer costs per class: the constant-pool scan that passes a class without weft
 * references through, and the full weave of a class that has them.
 *
 * <p>Invariant: nothing here links against the agent; the transformer is loaded by name and
 * used through {@code java.lang.instrument.ClassFileTransformer}, so the agent stays a separate
 * artifact and this package measures exactly the jar the runner puts on the class path.
 */
package dev.weft.bench.startup;
