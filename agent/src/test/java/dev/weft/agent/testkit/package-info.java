/**
 * Test support loaded by the application class loader (never woven): leaf futures that are ready
 * or pending once, a manual poller, and the weaving class loader that loads
 * {@code dev.weft.agent.samples} child-first through the weaver.
 */
package dev.weft.agent.testkit;
