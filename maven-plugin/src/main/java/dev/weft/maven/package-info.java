/**
 * The Maven plugin: a front end of the agent's weaver, never a second weaver.
 *
 * <ul>
 *   <li>{@code prepare-agent} appends {@code -javaagent:<weft-agent.jar>} to {@code argLine} (or the
 *       property named by {@code propertyName}); the jar is the plugin's own dependency, so the agent
 *       that weaves the tests is the same build as the plugin.
 *   <li>{@code weave} / {@code weave-tests} weave a class directory in place through
 *       {@link dev.weft.agent.cli.BuildWeaver}; {@code check} reports without writing.
 * </ul>
 *
 * <p>Invariants: weaving is idempotent (the scan skips classes carrying the woven marker); a class
 * whose bytes equal what the last run wrote or left is not woven again, and its rejections from
 * that run are reported again from the state file ({@link dev.weft.maven.WeaveState}), so a second
 * build fails exactly as the first did.
 */
package dev.weft.maven;
