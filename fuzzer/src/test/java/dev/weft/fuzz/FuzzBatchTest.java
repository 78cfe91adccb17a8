package dev.weft.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.weft.fuzz.exec.BytecodeChecker;
import dev.weft.fuzz.gen.Options;
import dev.weft.fuzz.run.Campaign;
import dev.weft.fuzz.run.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The bounded batch of the normal build (weft.fuzz.count programs, 2,000 by default), run under
 * the real agent (surefire's argLine). Zero failures of any kind, compile errors included.
 */
class FuzzBatchTest {

    @Test
    void wovenProgramsAgreeWithReference() {
        assertNotNull(BytecodeChecker.create(), "the weaver must be reachable (run with -javaagent)");
        int count = Integer.getInteger("weft.fuzz.count", 2000);
        long seed = Long.getLong("weft.fuzz.seed", 1);
        Campaign c = new Campaign(Options.fromSystemProperties(), 50, 2,
                Path.of("target", "fuzz-regressions"), System.out);
        Campaign.Stats st = c.run(seed, count);
        System.out.println("[fuzz] " + st);
        assertEquals(count, st.programs);
        assertEquals(0, st.failures.size(), () -> "failures: " + st.failures);
        assertEquals(count, st.count(Verdict.Kind.PASS));
    }
}
