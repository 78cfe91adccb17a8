/**
 * The runtime's JMX MBeans, for jconsole, VisualVM and any JMX client. Internal use only.
 *
 * <p>Invariants: nothing here is loaded unless a runtime registers an MBean, which happens only
 * when the user asked for JMX ({@code -Dweft.jmx=true} or a JMX agent's system properties), so a
 * program that does not use JMX neither pays the platform MBean server's start (hundreds of
 * milliseconds) nor needs the {@code java.management} module. Registration failures are swallowed
 * (a runtime must start even when JMX is broken); each MBean leaves the server when its runtime
 * closes.
 */
package dev.weft.internal.jmx;
