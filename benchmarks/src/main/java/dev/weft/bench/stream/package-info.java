/**
 * Async generators (issue 17, point 2): what one element costs when a woven generator awaits a
 * ready future between yields (the goal: 0 B per element beyond the element itself) and when it
 * really suspends ({@code yieldNow}) — with {@code -prof gc}, in a fork that runs with the weft
 * agent, so the generators are woven exactly as users' are. Elements are preallocated boxes, so
 * the bytes measured are the stream's own.
 */
package dev.weft.bench.stream;
