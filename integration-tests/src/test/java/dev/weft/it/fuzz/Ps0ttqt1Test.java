package dev.weft.it.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.fuzz.exec.Executions;
import dev.weft.fuzz.rt.Schedule;
import org.junit.jupiter.api.Test;

/**
 * Written by the weaver fuzzer: program seed 61000002037 (schedule seed the same), family sync,
 * not shrunk (its size is the bug). Its m0 (24,705 instructions, 645 locals, 1,253 handlers, 390
 * synchronized blocks) was rejected as "weft's held-monitor analysis cannot follow this method
 * ... Too many operations": ASM's Analyzer charges 10 x i operations per visit of instruction i,
 * 3 x 10^9 for one pass over m0, past the 2 x 10^9 bound.
 * Reproduce the original: {@code scripts/fuzz 1 61000002037 --single --family=mixed}.
 */
class Ps0ttqt1Test {

    private static final String EXPECTED = "throw dev.weft.fuzz.rt.FuzzException: leaf#24\n"
            + "7.0\n"
            + "open r1:514354\n"
            + "s2\n"
            + "71\n"
            + "close r1:514354\n"
            + "caught t9\n"
            + "s122\n"
            + "s3false-3.25\n"
            + "s3false-3.25\n"
            + "s3false-3.25\n"
            + "7\n"
            + "7.0\n"
            + "open r1:514354\n"
            + "s2\n"
            + "71\n"
            + "close r1:514354\n"
            + "caught leaf#22\n"
            + "s122\n"
            + "s3false-3.25\n"
            + "s3false-3.25\n"
            + "s3false-3.25";

    @Test
    void wovenRunAgreesWithReference() {
        assertEquals(EXPECTED, Executions.woven(Ps0ttqt1.class, 3, Schedule.forSeed(61000002037L)).text());
    }
}
