/**
 * Running the fuzzer: {@link dev.weft.fuzz.run.Campaign} (batches of generated programs),
 * {@link dev.weft.fuzz.run.Trial} (judging one program: woven versus reference, verifier,
 * CheckClassAdapter), {@link dev.weft.fuzz.run.Shrinker} and
 * {@link dev.weft.fuzz.run.RegressionWriter} (a failing program, reduced, becomes a regression
 * test in integration-tests), {@link dev.weft.fuzz.run.FuzzMain} (scripts/fuzz).
 *
 * <p>Invariant: a campaign is a pure function of its seed and options; every failure is reported
 * with the seed of its program, which reproduces it alone.
 */
package dev.weft.fuzz.run;
