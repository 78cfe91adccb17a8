/**
 * Weaving statistics: per-phase CPU time of the weaver, behind {@code -Dweft.agent.stats=true}.
 * <p>A leaf that the stages and the driver report to. Invariant: it depends on nothing else in the
 * agent, so a stage that times its own work (the hierarchy reads in {@code analyze}, the frame
 * computation in {@code emit}) does not reach back into its driver ({@code weave}); the
 * package-cycle test in the agent's tests checks this (issue 15, point 1).
 */
package dev.weft.agent.stats;
