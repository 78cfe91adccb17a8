package dev.weft.it.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.fuzz.exec.Executions;
import dev.weft.fuzz.rt.Schedule;
import org.junit.jupiter.api.Test;

/**
 * Written by the weaver fuzzer: program seed 71000025451 (schedule seed the same), family sync,
 * not shrunk (its size is the bug). Its m0 (20,027 bytes of javac's code, 640 awaits, 318
 * locals, most of the awaits in finally blocks that javac copies) was rejected as "the woven
 * method would exceed the JVM's 64 KB code limit": every suspension point had its own save and
 * restore code (94,903 bytes woven). Points that save the same slots now share one save and one
 * restore block (57,637 bytes).
 * Reproduce the original: {@code scripts/fuzz 1 71000025451 --single --family=mixed}.
 */
class Pwm7ky97Test {

    private static final String EXPECTED = "value 2\n"
            + "Box(6,,0)\n"
            + "s2\n"
            + "s2s3Box(2,,0)\n"
            + "s0\n"
            + "s1\n"
            + "1\n"
            + "s1\n"
            + "open r2:1920\n"
            + "131\n"
            + "close r2:1920";

    @Test
    void wovenRunAgreesWithReference() {
        assertEquals(EXPECTED, Executions.woven(Pwm7ky97.class, 3, Schedule.forSeed(71000025451L)).text());
    }
}
