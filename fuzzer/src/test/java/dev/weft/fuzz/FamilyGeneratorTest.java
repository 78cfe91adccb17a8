package dev.weft.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.fuzz.exec.MemoryCompiler;
import dev.weft.fuzz.gen.Family;
import dev.weft.fuzz.gen.Options;
import dev.weft.fuzz.gen.Program;
import dev.weft.fuzz.gen.ProgramGenerator;
import dev.weft.fuzz.run.Trial;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The issue-12 families: javac-clean, they contain their shapes, and a mixed campaign cycles through them. */
class FamilyGeneratorTest {

    private static String sources(Family f, int from, int count, Map<String, String> into) {
        ProgramGenerator gen = new ProgramGenerator(new Options(Set.of(), f, 300), "fz");
        StringBuilder all = new StringBuilder();
        for (long s = from; s < from + count; s++) {
            Program p = gen.generate(s);
            assertEquals(f, p.family);
            Trial.addSources(p, into);
            all.append(p.source(true));
        }
        return all.toString();
    }

    private static void compilesWith(Family f, String... constructs) {
        Map<String, String> src = new LinkedHashMap<>();
        String text = sources(f, 500, 40, src);
        assertEquals(Map.of(), new MemoryCompiler(f.release).compile(src).errors);
        for (String c : constructs) {
            assertTrue(text.contains(c), f + ": no program of 40 uses " + c);
        }
    }

    @Test
    void syncFamily() {
        compilesWith(
                Family.SYNC,
                "synchronized (",
                ".LOCK) {",
                ".class) {",
                "synchronized (this) {",
                "synchronized (L.lock((int) await(",
                "sync caught ",
                "finally {\nawait(");
    }

    /** Never an await or a yield inside a synchronized block (the lock expression may await: it runs before the monitor is entered). */
    @Test
    void syncFamilyAwaitsOnlyOutsideMonitors() {
        String text = sources(Family.SYNC, 0, 100, new LinkedHashMap<>());
        int blocks = 0;
        for (int at = text.indexOf("synchronized (");
                at >= 0;
                at = text.indexOf("synchronized (", at + 1)) {
            int open = text.indexOf(") {\n", closing(text, at + "synchronized ".length()) - 1);
            String body = text.substring(open + 2, closing(text, open + 2));
            assertTrue(!body.contains("await(") && !body.contains("Generator.yield("), body);
            blocks++;
        }
        assertTrue(blocks > 100, "only " + blocks + " synchronized blocks");
    }

    /** Index just past the bracket that closes the one at {@code from}. */
    private static int closing(String s, int from) {
        char o = s.charAt(from);
        char c = o == '(' ? ')' : '}';
        int depth = 0;
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == o) {
                depth++;
            } else if (s.charAt(i) == c && --depth == 0) {
                return i + 1;
            }
        }
        throw new AssertionError("unbalanced at " + from);
    }

    @Test
    void deepFamilies() {
        compilesWith(
                Family.DEEP,
                "Future<Integer> c0(int d, int n)",
                "await(L.ip(",
                "await(c0(d, n - 1))",
                "return c0(d, n - 1);",
                "chain caught ",
                "T.t(\"chain c0 \" + await(");
        compilesWith(
                Family.EAGER_DEEP,
                "CompletableFuture<Integer> ec0(int d, int n)",
                "await(ec0(d, n - 1))",
                "return ec0(d, n - 1);",
                "T.t(\"chain ec0 \" + await(",
                "await(L.csx(");
    }

    @Test
    void asyncGeneratorFamily() {
        compilesWith(
                Family.AGEN,
                "static dev.weft.AsyncStream<Integer> a0(int d",
                "dev.weft.AsyncStream<Integer> a1(int d",
                "G.beginA();\ntry {\nif (d <= 0) { Generator.yield(await(L.i(",
                "} finally {\nG.endA();",
                "await(G.collect(a0(d - 1",
                "await(G.collect(this.a",
                ".length()");
        String base = sources(Family.BASE, 0, 100, new LinkedHashMap<>());
        assertTrue(!base.contains("AsyncStream") && !base.contains("G.collect("), "agen is opt-in");
    }

    @Test
    void chainLengthsRespectTheBound() {
        ProgramGenerator gen = new ProgramGenerator(new Options(Set.of(), Family.DEEP, 50), "fz");
        for (long s = 0; s < 100; s++) {
            String src = gen.generate(s).source(true);
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("c0\\(d, (\\d+)\\)").matcher(src);
            assertTrue(m.find(), src);
            int n = Integer.parseInt(m.group(1));
            assertTrue(n >= 1 && n <= 50, "chain " + n);
        }
    }

    @Test
    void jdk21Family() {
        assumeTrue(
                Runtime.version().feature() >= 21,
                "the JDK 21 family needs a JDK 21+ javac (runs on JDK 25)");
        compilesWith(
                Family.JDK21,
                "sealed interface Sh permits Sq, Ci, Duo",
                ") when ",
                "yield ",
                "Duo(",
                "Sq(int ",
                " instanceof String ",
                " instanceof P",
                "case Integer ",
                "await(L.o(");
    }

    @Test
    void jdk21FamilyNeedsAJdk21Compiler() {
        assumeTrue(Runtime.version().feature() < 21);
        assertTrue(!Family.JDK21.runsHere());
        IllegalStateException e =
                org.junit.jupiter.api.Assertions.assertThrows(
                        IllegalStateException.class, () -> new MemoryCompiler(21));
        assertTrue(e.getMessage().contains("--release 21"), e.getMessage());
    }

    @Test
    void mixedCyclesThroughTheFamiliesThisJdkRuns() {
        ProgramGenerator gen = new ProgramGenerator(new Options(Set.of(), Family.MIXED, 300), "fz");
        Set<Family> seen = EnumSet.noneOf(Family.class);
        for (long s = 0; s < 30; s++) {
            Program p = gen.generate(s);
            seen.add(p.family);
            assertEquals(p.source(true), gen.generate(s).source(true));
        }
        Set<Family> expected =
                EnumSet.of(
                        Family.BASE,
                        Family.SYNC,
                        Family.DEEP,
                        Family.EAGER_DEEP,
                        Family.UNINIT,
                        Family.AGEN);
        if (Runtime.version().feature() >= 21) {
            expected.add(Family.JDK21);
        }
        assertEquals(expected, seen);
    }

    @Test
    void familiesAreParsedAndOptInsStayOff() {
        assertEquals(Family.EAGER_DEEP, Family.parse("eager-deep"));
        assertEquals(Family.JDK21, Family.parse("JDK21"));
        assertTrue(
                org.junit.jupiter.api.Assertions.assertThrows(
                                IllegalArgumentException.class, () -> Family.parse("nope"))
                        .getMessage()
                        .contains("unknown family"));
        String base = sources(Family.BASE, 0, 100, new LinkedHashMap<>());
        assertTrue(
                !base.contains("synchronized")
                        && !base.contains("L.ip(")
                        && !base.contains("sealed"));
        Options noSync = new Options(Set.of("sync"), Family.SYNC, 10);
        assertTrue(!noSync.on("sync") && noSync.on("loops"));
    }
}
