package dev.weft.it.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.it.fuzz.rt.Drive;
import org.junit.jupiter.api.Test;

/**
 * Written by the weaver fuzzer: program seed 78 (schedule seed the same).
 * Passes; kept as an end-to-end example of the fuzz regression format.
 * Reproduce the original: {@code scripts/fuzz 1 78 --single}.
 */
class P26Test {

    private static final String EXPECTED = "throw dev.weft.it.fuzz.rt.FuzzChecked: leafc#0";

    @Test
    void wovenRunAgreesWithReference() {
        assertEquals(EXPECTED, Drive.woven(() -> P26.m0(2), 78L));
    }
}
