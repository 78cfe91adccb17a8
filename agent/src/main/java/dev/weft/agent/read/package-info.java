/**
 * Stage 2: parse a candidate class into an ASM tree.
 *
 * <p>Invariants: JSR/RET subroutines (legal in class files before Java 7, version 51) are inlined while reading, so
 * every later stage sees only plain jumps. Stack map frames are kept: methods the weaver does
 * not rewrite are written back with their own frames (see {@code emit.WovenClasses}). A class ASM cannot read surfaces as
 * {@link dev.weft.agent.read.UnreadableClassException}, which the transformer reports once and
 * turns into "pass through untouched".
 */
package dev.weft.agent.read;
