package dev.weft.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.fuzz.exec.BytecodeChecker;
import dev.weft.fuzz.exec.Executions;
import dev.weft.fuzz.exec.MemoryCompiler;
import dev.weft.fuzz.exec.ProgramLoader;
import dev.weft.fuzz.exec.ReferenceRemapper;
import dev.weft.fuzz.exec.UninitializedShuffle;
import dev.weft.fuzz.gen.Family;
import dev.weft.fuzz.gen.Options;
import dev.weft.fuzz.gen.Program;
import dev.weft.fuzz.gen.ProgramGenerator;
import dev.weft.fuzz.rt.Schedule;
import dev.weft.fuzz.run.Trial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The UNINIT post-pass keeps programs valid and their behaviour unchanged: every rewritten class
 * passes CheckClassAdapter and HotSpot's verifier, and the reference run of the rewritten bytes
 * equals the reference run of javac's bytes, so the differential oracle stays sound.
 */
class UninitializedShuffleTest {

    @Test
    void rewritesAreVerifiedAndChangeNothingObservable() throws Exception {
        ProgramGenerator gen =
                new ProgramGenerator(new Options(Set.of(), Family.UNINIT, 10), Trial.WOVEN_PKG);
        List<Program> programs = new ArrayList<>();
        Map<String, String> src = new LinkedHashMap<>();
        for (long s = 0; s < 40; s++) {
            Program p = gen.generate(s);
            programs.add(p);
            Trial.addSources(p, src);
        }
        MemoryCompiler.Result r = new MemoryCompiler().compile(src);
        assertEquals(Map.of(), r.errors);
        Map<String, byte[]> plain = new LinkedHashMap<>();
        Map<String, byte[]> shuffled = new LinkedHashMap<>();
        ReferenceRemapper toPlain = new ReferenceRemapper(Trial.WOVEN_PKG, "fzp");
        ReferenceRemapper toShuffled = new ReferenceRemapper(Trial.WOVEN_PKG, "fzs");
        UninitializedShuffle shuffle = new UninitializedShuffle();
        int sites = 0;
        for (Map.Entry<String, byte[]> e : r.classes.entrySet()) {
            byte[] after = shuffle.apply(e.getValue(), 7, 100);
            sites += shuffle.rewritten;
            if (shuffle.rewritten > 0) {
                assertNotSame(e.getValue(), after);
            }
            plain.put(toPlain.mapBinary(e.getKey()), toPlain.remap(e.getValue()));
            shuffled.put(toShuffled.mapBinary(e.getKey()), toShuffled.remap(after));
        }
        assertTrue(sites > 100, "only " + sites + " construction sites rewritten");
        for (int k = 0; k < shuffle.kinds.length; k++) {
            assertTrue(
                    shuffle.kinds[k] > 5,
                    "rewrite kind " + k + " used " + shuffle.kinds[k] + " times");
        }
        ProgramLoader pl = new ProgramLoader(plain);
        ProgramLoader sl = new ProgramLoader(shuffled);
        for (String name : shuffled.keySet()) {
            assertEquals(List.of(), BytecodeChecker.verify(name, shuffled.get(name), sl), name);
        }
        for (Program p : programs) {
            // loading with the default (remote) verification runs HotSpot's verifier on the
            // rewritten class
            Class<?> a = Class.forName("fzp." + p.className, true, pl);
            Class<?> b = Class.forName("fzs." + p.className, true, sl);
            Schedule s = Schedule.forSeed(p.seed);
            assertEquals(
                    Executions.reference(a, Trial.depth(p), s).text(),
                    Executions.reference(b, Trial.depth(p), s).text(),
                    p.source(true));
        }
    }
}
