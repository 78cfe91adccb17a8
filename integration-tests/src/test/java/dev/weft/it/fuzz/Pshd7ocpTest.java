package dev.weft.it.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.fuzz.exec.Executions;
import dev.weft.fuzz.rt.Schedule;
import org.junit.jupiter.api.Test;

/**
 * Written by the weaver fuzzer: program seed 62000023561 (schedule seed the same), family sync,
 * not shrunk (its size is the bug). Its m0 (10,876 instructions, 375 locals, 593 handlers) was
 * rejected as "weft: cannot weave this method (LimitExceededException: Too many allocated
 * bytes)": the typed-frame analysis (ASM's Analyzer) allocates a frame of all locals per handler
 * per visit of every protected instruction and passed ASM's 400 MB.
 * Reproduce the original: {@code scripts/fuzz 1 62000023561 --single --family=mixed}.
 */
class Pshd7ocpTest {

    private static final String EXPECTED = "throw dev.weft.fuzz.rt.FuzzException: t-1\n"
            + "3\n"
            + "s1\n"
            + "k-25s1s2s1\n"
            + "s0\n"
            + "s2";

    @Test
    void wovenRunAgreesWithReference() {
        assertEquals(EXPECTED, Executions.woven(Pshd7ocp.class, 3, Schedule.forSeed(62000023561L)).text());
    }
}
