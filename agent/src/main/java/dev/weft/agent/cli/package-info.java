/**
 * {@code java -jar weft-agent.jar check|weave ...}: build-time weaving and the weaving report.
 * Both commands run the same {@link dev.weft.agent.weave.Weaver} as the agent, so
 * {@code weave} writes exactly the bytes load-time weaving produces, provided the class hierarchy
 * is the same (pass the application's dependencies with {@code --cp}; the JDK is always visible).
 */
package dev.weft.agent.cli;
