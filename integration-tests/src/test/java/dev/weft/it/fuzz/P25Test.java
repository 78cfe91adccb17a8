package dev.weft.it.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.fuzz.exec.Executions;
import dev.weft.fuzz.rt.Schedule;
import org.junit.jupiter.api.Test;

/**
 * Written by the weaver fuzzer: program seed 77 (schedule seed the same).
 * Passes; kept as an end-to-end example of the fuzz regression format.
 * Reproduce the original: {@code scripts/fuzz 1 77 --single}.
 */
class P25Test {

    private static final String EXPECTED = "value 0";

    @Test
    void wovenRunAgreesWithReference() {
        assertEquals(EXPECTED, Executions.woven(P25.class, 3, Schedule.forSeed(77L)).text());
    }
}
