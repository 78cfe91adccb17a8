package dev.weft.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.fuzz.exec.MemoryCompiler;
import dev.weft.fuzz.gen.Options;
import dev.weft.fuzz.gen.Program;
import dev.weft.fuzz.gen.ProgramGenerator;
import dev.weft.fuzz.run.Trial;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generator is reproducible, varied, javac-clean, and honours avoided constructs. */
class GeneratorTest {

    private final ProgramGenerator gen = new ProgramGenerator(new Options(Set.of()), "fz");

    @Test
    void sameSeedSameSource() {
        for (long s = 0; s < 50; s++) {
            assertEquals(gen.generate(s).source(true), gen.generate(s).source(true));
        }
        assertNotEquals(gen.generate(1).source(true), gen.generate(2).source(true));
    }

    @Test
    void referenceSourceDiffersOnlyInImports() {
        Program p = gen.generate(7);
        String woven =
                p.source(true)
                        .replace("import static dev.weft.Async.await;", "")
                        .replace("import dev.weft.Generator;", "");
        String ref =
                p.source(false)
                        .replace("import static dev.weft.fuzz.ref.Async.await;", "")
                        .replace("import dev.weft.fuzz.ref.Generator;", "");
        assertEquals(woven, ref);
    }

    @Test
    void programsCompileAndCoverTheConstructs() {
        Map<String, String> sources = new LinkedHashMap<>();
        StringBuilder all = new StringBuilder();
        for (long s = 100; s < 300; s++) {
            Program p = gen.generate(s);
            Trial.addSources(p, sources);
            all.append(p.source(true));
        }
        MemoryCompiler.Result r = new MemoryCompiler().compile(sources);
        assertEquals(Map.of(), r.errors);
        String text = all.toString();
        for (String construct :
                new String[] {
                    "await(L.i(",
                    "await(L.j(",
                    "await(L.d(",
                    "await(L.f(",
                    "await(L.z(",
                    "await(L.b(",
                    "await(L.s(",
                    "await(L.c(",
                    "await(L.str(",
                    "await(L.box(",
                    "await(L.arr(",
                    "await(L.cs(",
                    "await(L.v())",
                    "Generator.yield(",
                    "CompletableFuture<Integer> e",
                    "CompletionStage<Integer> e",
                    "switch (Color.of(",
                    "case \"s1\":",
                    "(switch (",
                    "try (Res ",
                    "finally {",
                    "catch (Exception ",
                    "continue",
                    "break",
                    ": do {",
                    ": while (",
                    " : java.util.List.of(",
                    "new Box(",
                    "new int[Math.floorMod(",
                    "L.va(",
                    ".apply(",
                    "-> {",
                    "new StringBuilder(",
                    "throw new FuzzException(",
                    "this.f ",
                    "G.drain(",
                    " += "
                }) {
            assertTrue(text.contains(construct), "no program of 200 uses " + construct);
        }
    }

    @Test
    void avoidedConstructsAreLeftOut() {
        ProgramGenerator plain =
                new ProgramGenerator(
                        new Options(Set.of("twr", "lambdas", "generators", "eager")), "fz");
        for (long s = 0; s < 100; s++) {
            String src = plain.generate(s).source(true);
            assertTrue(
                    !src.contains("try (Res")
                            && !src.contains("Fn ")
                            && !src.contains("Generator<")
                            && !src.contains("CompletableFuture<Integer> e"),
                    src);
        }
    }
}
