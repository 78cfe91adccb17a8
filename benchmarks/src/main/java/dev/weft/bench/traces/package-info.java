/**
 * The async-stack-trace group (issue 16, point 4): what the awaiting side of a failure that
 * crosses a task boundary costs ({@code dev.weft.internal.coroutine.AsyncStackTrace}).
 * {@link dev.weft.bench.traces.TraceBench} runs the same woven round-trip (spawn a child, await
 * its JoinHandle) in two forks, one with the feature on (the default) and one with
 * {@code -Dweft.asyncStackTraces=false}, for a child that fails and for one that succeeds.
 *
 * <p>Invariants: each operation is one spawn + await round-trip on a one-worker runtime; a
 * failing child throws a fresh exception (as real code does), so every crossing is a new
 * boundary and pays the full cost rather than the bounded path of a preallocated exception.
 */
package dev.weft.bench.traces;
