package dev.weft.it.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.fuzz.exec.Executions;
import dev.weft.fuzz.rt.Schedule;
import org.junit.jupiter.api.Test;

/**
 * Written by the weaver fuzzer: program seed 47000002483 (schedule seed the same), family sync,
 * shrunk. Its eager e1 (javac's nested finally copies, 87 KB of class file) woven with entering
 * await sites went past 32 KB, and ASM's pass for long jumps (ClassWriter.replaceAsmInstructions)
 * failed reading the class back (ArrayIndexOutOfBoundsException in ClassReader.readLabel): the
 * whole class loaded unwoven ("weaving failed"), every await "not woven". Since the enter sites
 * (session 10); the weaver before them wove it. Now a class ASM cannot write is woven again
 * without entering sites.
 * Reproduce the original: {@code scripts/fuzz 1 47000002483 --single --family=mixed}.
 */
class Pllal60jTest {

    private static final String EXPECTED = "value 512216";

    @Test
    void wovenRunAgreesWithReference() {
        assertEquals(
                EXPECTED,
                Executions.woven(Pllal60j.class, 3, Schedule.forSeed(47000002483L)).text());
    }
}
