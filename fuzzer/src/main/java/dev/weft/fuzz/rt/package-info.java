/**
 * What generated programs call, in both executions: leaf futures with a scheduled outcome
 * ({@link dev.weft.fuzz.rt.L}), the side-effect trace ({@link dev.weft.fuzz.rt.T}), and small
 * user types (a resource, a box, an enum, a function interface, two exception types).
 *
 * <p>Invariants: nothing here references {@code dev.weft.Async} or {@code dev.weft.Generator}, so
 * the agent never weaves these classes; every outcome is a pure function of the program's
 * schedule seed and the order in which leaves are created, which is the same in the woven and in
 * the reference execution because generated code awaits every future where it creates it.
 */
package dev.weft.fuzz.rt;
