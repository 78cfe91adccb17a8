package dev.weft.it.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.fuzz.exec.Executions;
import dev.weft.fuzz.rt.Schedule;
import org.junit.jupiter.api.Test;

/**
 * Written by the weaver fuzzer: program seed 12000000001 (schedule seed the same), family sync.
 * Its long generator method with many synchronized blocks made the held-monitor analysis pass
 * ASM's default allocation bound; the exception escaped the method and the whole class loaded
 * unwoven ("Async.await called in a method that was not woven"). Reproduce the original:
 * {@code scripts/fuzz 1 12000000001 --single --family=mixed}.
 */
class P5ighn9dTest {

    private static final String EXPECTED = "throw dev.weft.fuzz.rt.FuzzChecked: leafc#1\n"
            + "open r0:8\n"
            + "close r0:8";

    @Test
    void wovenRunAgreesWithReference() {
        assertEquals(EXPECTED, Executions.woven(P5ighn9d.class, 3, Schedule.forSeed(12000000001L)).text());
    }
}
