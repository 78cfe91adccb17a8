/**
 * The runtime's metrics MBean ({@code dev.weft:type=RuntimeMetrics,name=runtime-N}), for jconsole,
 * VisualVM and any JMX client. Internal use only.
 *
 * <p>Invariants: {@code internal.dump.JmxRegistration} registers it next to the task-dump MBean
 * and on the same terms (never on the runtime's creating path when the platform MBean server
 * does not exist yet; {@code -Dweft.jmx=false} registers nothing); registration failures are
 * swallowed (a runtime must start even when JMX is broken); it leaves the server when its runtime
 * closes.
 *
 * <p>Layer (docs/design.md, "How the runtime's packages depend on each other"): the bottom: it
 * depends on no other internal package.
 */
package dev.weft.internal.jmx;
