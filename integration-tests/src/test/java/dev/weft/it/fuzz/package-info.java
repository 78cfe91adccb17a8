/**
 * Regression tests written by the weaver fuzzer (fuzzer/, scripts/fuzz): each is a shrunk
 * program ({@code P<seed>}) and a test that runs it woven and expects the outcome (result and
 * trace) of its reference execution. Tests of still-open weaver bugs are tagged
 * {@code known-weaver-bug} and named {@code *KnownBug}, outside surefire's default includes.
 *
 * <p>Invariant: programs use the fuzzer's own support classes ({@code dev.weft.fuzz.rt}, from the
 * weft-fuzzer test dependency) and are driven by its {@code dev.weft.fuzz.exec.Executions.woven},
 * so an expected outcome is checked with the same code that computed it; there is no copy here.
 */
package dev.weft.it.fuzz;
