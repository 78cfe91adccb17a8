package dev.weft.it.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.fuzz.exec.Executions;
import dev.weft.fuzz.rt.Schedule;
import org.junit.jupiter.api.Test;

/**
 * Written by the weaver fuzzer: program seed 78 (schedule seed the same).
 * Passes; kept as an end-to-end example of the fuzz regression format.
 * Reproduce the original: {@code scripts/fuzz 1 78 --single}.
 */
class P26Test {

    private static final String EXPECTED = "throw dev.weft.fuzz.rt.FuzzChecked: leafc#0";

    @Test
    void wovenRunAgreesWithReference() {
        assertEquals(EXPECTED, Executions.woven(P26.class, 2, Schedule.forSeed(78L)).text());
    }
}
