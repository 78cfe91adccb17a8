/**
 * Task dumps: what every live task of a runtime waits for, read only when someone asks
 * ({@code AsyncRuntime.dumpTasks()}, {@code java -jar weft-agent.jar tasks <pid>}, the
 * {@code dev.weft:type=AsyncRuntime} MBean). Internal use only.
 *
 * <p>Parts: {@link dev.weft.internal.dump.Awaited} (implemented by leaf futures and
 * single-child combinators: one line saying what a task suspended on them waits for), {@link
 * dev.weft.internal.dump.AwaitChain} (walks a task's spawned future through its woven frames,
 * each at the line of its await from the companion's line table, down to the leaf), {@link
 * dev.weft.internal.dump.RuntimeRegistry} (the live runtimes, weakly held, for tools outside the
 * program) and {@link dev.weft.internal.dump.JmxRegistration} (their MBeans).
 *
 * <p>Invariants:
 * <ol>
 *   <li>Nothing here runs on the hot path: a spawn, poll or completion never calls into this
 *       package. A runtime's creation and close() each touch the registry once.
 *   <li>A dump runs on the asking thread while workers keep polling: it reads fields without
 *       synchronisation, takes no lock a poller holds for longer than a list copy, and never
 *       throws for a future it cannot describe (the failure goes into the chain instead). What it
 *       shows of a running task may be stale or cut short; idle tasks' chains are exact.
 *   <li>This package depends on no other internal package (woven frames reach it as {@code
 *       Awaited} too), so the leaves that implement its interface add no package cycle.
 *   <li>The agent finds {@link dev.weft.internal.dump.RuntimeRegistry#dumpAll} by name in the
 *       target JVM, in whichever class loader loaded weft: keep its name and signature.
 * </ol>
 *
 * <p>Layer (docs/design.md, "How the runtime's packages depend on each other"): near the bottom,
 * above {@code internal.jmx} only: leaves and tasks describe themselves to it ({@code Awaited}), it
 * never calls them back.
 */
package dev.weft.internal.dump;
