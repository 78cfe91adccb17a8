package dev.weft.it.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.fuzz.exec.Executions;
import dev.weft.fuzz.rt.Schedule;
import org.junit.jupiter.api.Test;

/**
 * Written by the weaver fuzzer: program seed 42000004183 (schedule seed the same), family sync.
 * Its generator g0 (12,888 instructions, 299 locals, 665 handlers: finally copies inside finally
 * copies) drove the held-monitor analysis past its bounds, and g0 was rejected as "Generator.yield
 * inside a synchronized block" although none of its yields is inside one.
 * Reproduce the original: {@code scripts/fuzz 1 42000004183 --single --family=sync}.
 */
class PjalpumvTest {

    private static final String EXPECTED = "throw dev.weft.fuzz.rt.FuzzChecked: leafc#12\n"
            + "Box(7,s3,1)\n"
            + "k11\n"
            + "[-3, s3]\n"
            + "[[3.5, -1], b]\n"
            + "open r127:9\n"
            + "6\n"
            + "close r127:9\n"
            + "1\n"
            + "Box(7,s3,1)\n"
            + "k11\n"
            + "[-3, s3]\n"
            + "[[3.5, -1], b]\n"
            + "open r127:9\n"
            + "6\n"
            + "close r127:9\n"
            + "1\n"
            + "Box(7,s3,1)\n"
            + "k11\n"
            + "[-3, s3]\n"
            + "[[3.5, -1], b]\n"
            + "open r127:9\n"
            + "6\n"
            + "close r127:9";

    @Test
    void wovenRunAgreesWithReference() {
        assertEquals(EXPECTED, Executions.woven(Pjalpumv.class, 3, Schedule.forSeed(42000004183L)).text());
    }
}
