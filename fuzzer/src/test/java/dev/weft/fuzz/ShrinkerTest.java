package dev.weft.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.fuzz.gen.Options;
import dev.weft.fuzz.gen.Program;
import dev.weft.fuzz.gen.ProgramGenerator;
import dev.weft.fuzz.run.Shrinker;
import dev.weft.fuzz.run.Verdict;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shrinker keeps the failure and removes what does not matter (a synthetic failure here). */
class ShrinkerTest {

    @Test
    void shrinksToTheFailingConstruct() {
        ProgramGenerator gen = new ProgramGenerator(new Options(Set.of()), "fz");
        long seed = -1;
        for (long s = 0; s < 500 && seed < 0; s++) {
            if (gen.generate(s).source(true).contains("try (Res ")) {
                seed = s;
            }
        }
        assertTrue(seed >= 0);
        Program p = gen.generate(seed);
        int before = p.source(true).length();
        // "fails" while a try-with-resources remains: the shrinker must keep exactly that
        Shrinker.Result r =
                new Shrinker(
                                q ->
                                        q.source(true).contains("try (Res ")
                                                ? new Verdict(
                                                        Verdict.Kind.MISMATCH,
                                                        "synthetic",
                                                        null,
                                                        null)
                                                : new Verdict(Verdict.Kind.PASS, "", null, null),
                                2000)
                        .shrink(p, Verdict.Kind.MISMATCH);
        String after = p.source(true);
        assertEquals(Verdict.Kind.MISMATCH, r.verdict.kind);
        assertTrue(after.contains("try (Res "));
        assertTrue(after.length() < before / 2 || after.length() < 700, after);
    }
}
