/**
 * The task dump from outside a running JVM: {@code java -jar weft-agent.jar tasks <pid>}.
 *
 * <p>Protocol:
 * <ol>
 *   <li>{@link dev.weft.agent.attach.TasksCommand}, in the tool's JVM, creates an owner-only temp
 *       file, attaches to the target with the Attach API and loads this same jar as an agent with
 *       the argument {@code tasks=<file>};
 *   <li>in the target, {@code WeftAgent.agentmain} sees that argument and hands over to {@link
 *       dev.weft.agent.attach.TargetDump} instead of installing the weaver. It finds every loaded
 *       copy of weft's {@code dev.weft.internal.dump.RuntimeRegistry} (one per class loader that
 *       loaded weft-runtime: the application loader, or a framework's own), calls its
 *       {@code dumpAll()} reflectively and writes the text to the file;
 *   <li>{@code loadAgent} returns when agentmain has returned; the tool prints the file and
 *       deletes it.
 * </ol>
 * The target need not have been started with the agent: the agent jar only carries the code
 * that asks; what it asks lives in the runtime the application already loaded. A file, not the
 * attach connection, carries the answer: the Attach API returns no data from an agent, and a
 * file created by the tool is readable only by its user, who must be the target's to attach.
 */
package dev.weft.agent.attach;
