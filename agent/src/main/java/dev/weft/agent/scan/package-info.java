/**
 * Stage 1 of the weaving pipeline: decide from the raw bytes, without parsing the class, whether
 * a class can need weaving.
 *
 * <p>Invariants:
 * <ol>
 *   <li>A class is a candidate only if its constant pool holds the UTF-8 constant
 *       {@code dev/weft/Async} or {@code dev/weft/Generator}: every call to {@code Async.await}
 *       or {@code Generator.yield} names its owner class through a CONSTANT_Class entry.
 *   <li>A class whose constant pool holds {@code weft$woven} (the name of the woven marker
 *       attribute) was already woven and is never woven again.
 *   <li>JDK, bootstrap and weft's own runtime/agent classes are never candidates
 *       ({@link dev.weft.agent.scan.ClassFilter}); weft's tests and examples are.
 * </ol>
 */
package dev.weft.agent.scan;
