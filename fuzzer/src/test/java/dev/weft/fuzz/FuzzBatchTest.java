package dev.weft.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.fuzz.exec.BytecodeChecker;
import dev.weft.fuzz.gen.Family;
import dev.weft.fuzz.gen.Options;
import dev.weft.fuzz.run.Campaign;
import dev.weft.fuzz.run.Verdict;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The bounded batch of the normal build (weft.fuzz.count programs, 2,000 by default), run under
 * the real agent (surefire's argLine), and a small batch of each issue-12 family named in
 * weft.fuzz.families (weft.fuzz.familyCount programs each, chains at most 300 deep so they fit
 * surefire's default stack; the JDK 21 family only on a JDK 21+). Zero failures of any kind,
 * compile errors included.
 */
class FuzzBatchTest {

    @Test
    void wovenProgramsAgreeWithReference() {
        assertNotNull(
                BytecodeChecker.create(), "the weaver must be reachable (run with -javaagent)");
        int count = Integer.getInteger("weft.fuzz.count", 2000);
        long seed = Long.getLong("weft.fuzz.seed", 1);
        Campaign c =
                new Campaign(
                        Options.fromSystemProperties(),
                        50,
                        2,
                        Path.of("target", "fuzz-regressions"),
                        System.out);
        Campaign.Stats st = c.run(seed, count);
        System.out.println("[fuzz] " + st);
        assertEquals(count, st.programs);
        assertEquals(0, st.failures.size(), () -> "failures: " + st.failures);
        assertEquals(count, st.count(Verdict.Kind.PASS));
    }

    @TestFactory
    Stream<DynamicTest> familiesAgreeWithReference() {
        int count = Integer.getInteger("weft.fuzz.familyCount", 25);
        long seed = Long.getLong("weft.fuzz.seed", 1);
        return Arrays.stream(System.getProperty("weft.fuzz.families", "").split(","))
                .map(String::trim)
                .filter(f -> !f.isEmpty())
                .map(Family::parse)
                .map(
                        f ->
                                DynamicTest.dynamicTest(
                                        f.name(),
                                        () -> {
                                            assumeTrue(
                                                    f.runsHere(),
                                                    f + " needs a JDK " + f.release + "+ javac");
                                            Campaign c =
                                                    new Campaign(
                                                            new Options(Set.of(), f, 300),
                                                            25,
                                                            1,
                                                            Path.of("target", "fuzz-regressions"),
                                                            System.out);
                                            Campaign.Stats st = c.run(seed, count);
                                            System.out.println("[fuzz] " + f + ": " + st);
                                            assertEquals(
                                                    0,
                                                    st.failures.size(),
                                                    () -> "failures: " + st.failures);
                                            assertEquals(count, st.count(Verdict.Kind.PASS));
                                        }));
    }
}
