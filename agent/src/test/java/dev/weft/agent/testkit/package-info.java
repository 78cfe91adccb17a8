/**
 * The weaving class loader that loads {@code dev.weft.agent.samples} child-first through the
 * weaver; it is loaded by the application class loader and never woven. The leaf futures and the
 * poller the samples use come from the shared kit, {@code dev.weft.testkit} (weft-testkit).
 */
package dev.weft.agent.testkit;
