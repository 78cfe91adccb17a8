/**
 * Copies of the fuzzer's support classes (fuzzer/src/main/java/dev/weft/fuzz/rt, package
 * renamed) and a driver, so that shrunk fuzz programs run here as regression tests under the
 * real agent. Keep in step with the fuzzer's copies: a program's expected outcome was computed
 * with them.
 */
package dev.weft.it.fuzz.rt;
