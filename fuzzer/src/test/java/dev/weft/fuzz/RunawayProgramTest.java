package dev.weft.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.fuzz.gen.Family;
import dev.weft.fuzz.gen.Options;
import dev.weft.fuzz.run.Campaign;
import dev.weft.fuzz.run.Verdict;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A runaway program (program seed 61000001307 of family mixed, an eager-deep chain that records
 * a trace entry every few dozen polls) stops at the trace limit in both executions. The woven
 * run's poll bound once counted from the start, so it stopped first, as "stuck", with a trace
 * that was a prefix of the reference's: a mismatch that was the harness's, not the weaver's.
 */
class RunawayProgramTest {

    @Test
    void aRunawayProgramStopsAtTheTraceLimitInBothExecutions() throws Exception {
        AtomicReference<Campaign.Stats> stats = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        // the 4 MB stack of scripts/fuzz: the chain is up to 2,000 levels deep
        Thread t =
                new Thread(
                        null,
                        () -> {
                            try {
                                Campaign c =
                                        new Campaign(
                                                new Options(Set.of(), Family.parse("mixed"), 2000),
                                                1,
                                                0,
                                                null,
                                                System.out);
                                stats.set(c.run(61000001307L, 1, true, false));
                            } catch (Throwable e) {
                                failure.set(e);
                            }
                        },
                        "fuzz-runaway",
                        4L << 20);
        t.start();
        t.join();
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        Campaign.Stats st = stats.get();
        assertEquals(0, st.failures.size(), () -> "failures: " + st.failures);
        assertEquals(1, st.count(Verdict.Kind.PASS));
    }
}
