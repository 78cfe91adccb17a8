/**
 * Fixtures for the must-use warning: each future the weaver must report as never used carries a
 * {@code // DISCARD} marker on its line, and {@link dev.weft.it.DiscardedFutureTest} loads the
 * classes only after capturing System.err to see the agent's log. Every other use of a future
 * here (awaited, spawned, returned, stored and read, passed on) must stay silent.
 */
package dev.weft.it.discarded;
