package dev.weft.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.fuzz.exec.BytecodeChecker;
import dev.weft.fuzz.exec.MemoryCompiler;
import dev.weft.fuzz.exec.ReferenceRemapper;
import dev.weft.fuzz.gen.Options;
import dev.weft.fuzz.gen.ProgramGenerator;
import dev.weft.fuzz.run.Campaign;
import dev.weft.fuzz.run.Trial;
import dev.weft.fuzz.run.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.LimitExceededException;
import org.objectweb.asm.MethodTooLargeException;

/**
 * A program the fuzzer cannot rewrite (a generated class past ASM's bounds when it is re-pointed
 * at the reference API, as in a JDK 17 mixed campaign near program 8,000) is counted and reported
 * as skipped; it neither passes nor fails, and the campaign goes on with the next program.
 */
class GeneratorLimitTest {

    private static final long SEED = 7;

    /** A campaign of 4 programs whose second program's classes fail to rewrite with {@code e}. */
    private static Campaign.Stats campaign(Supplier<RuntimeException> e, StringBuilder log) {
        Options options = Options.fromSystemProperties();
        String victim =
                Trial.WOVEN_PKG
                        + "/"
                        + new ProgramGenerator(options, Trial.WOVEN_PKG)
                                .generate(Campaign.programSeed(SEED, 1))
                                .className;
        ReferenceRemapper real = new ReferenceRemapper(Trial.WOVEN_PKG, Trial.REF_PKG);
        Trial trial =
                new Trial(
                        new MemoryCompiler(),
                        BytecodeChecker.create(),
                        b -> {
                            if (new ClassReader(b).getClassName().equals(victim)) {
                                throw e.get();
                            }
                            return real.remap(b);
                        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Campaign.Stats st =
                new Campaign(
                                options,
                                50,
                                0,
                                null,
                                new PrintStream(out, true, StandardCharsets.UTF_8),
                                trial)
                        .run(SEED, 4);
        log.append(out.toString(StandardCharsets.UTF_8));
        return st;
    }

    @Test
    void aProgramPastAnAsmLimitIsSkippedCountedAndReported() {
        assertNotNull(BytecodeChecker.create(), "run with -javaagent");
        for (Supplier<RuntimeException> e :
                java.util.List.<Supplier<RuntimeException>>of(
                        () -> new LimitExceededException("Too many operations"),
                        () -> new MethodTooLargeException("fz/P", "m0", "(I)V", 70_000))) {
            StringBuilder log = new StringBuilder();
            Campaign.Stats st = campaign(e, log);
            assertEquals(4, st.programs, log::toString);
            assertEquals(1, st.count(Verdict.Kind.SKIPPED), st::toString);
            assertEquals(3, st.count(Verdict.Kind.PASS), st::toString);
            assertEquals(0, st.failures.size(), st::toString);
            assertTrue(st.toString().contains(", 1 skipped (generator limit): "), st::toString);
        }
    }

    @Test
    void anyOtherRewriteFailureFailsThatProgramOnly() {
        StringBuilder log = new StringBuilder();
        Campaign.Stats st = campaign(() -> new IllegalStateException("remapper bug"), log);
        assertEquals(4, st.programs, log::toString);
        assertEquals(1, st.count(Verdict.Kind.HARNESS), st::toString);
        assertEquals(3, st.count(Verdict.Kind.PASS), st::toString);
        assertEquals(1, st.failures.size(), st::toString);
        assertTrue(
                st.failures.get(Campaign.programSeed(SEED, 1)).detail.contains("remapper bug"),
                st::toString);
    }
}
