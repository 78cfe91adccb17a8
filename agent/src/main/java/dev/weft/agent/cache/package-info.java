/**
 * The opt-in cache of load-time weaving results ({@code -javaagent:weft-agent.jar=cache=<dir>}):
 * a class whose bytes, agent and class hierarchy are the same as at an earlier start is defined
 * from the cached woven bytes without running the weaver.
 *
 * <p>Invariants: a cached result is used only when the input bytes are equal byte for byte, the
 * agent is the same build, and every type header the weave consulted reads the same today, so a
 * hit defines exactly what weaving would; anything unreadable or different is a miss, and a
 * cache that cannot be read or written never fails a class load.
 */
package dev.weft.agent.cache;
