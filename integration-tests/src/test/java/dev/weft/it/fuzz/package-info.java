/**
 * Regression tests written by the weaver fuzzer (fuzzer/, scripts/fuzz): each is a shrunk
 * program ({@code P<seed>}) and a test that runs it woven and expects the outcome (result and
 * trace) of its reference execution. Tests of still-open weaver bugs are tagged
 * {@code known-weaver-bug} and named {@code *KnownBug}, outside surefire's default includes.
 */
package dev.weft.it.fuzz;
