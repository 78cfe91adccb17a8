package dev.weft.fuzz.run;

import dev.weft.fuzz.exec.Executions;
import dev.weft.fuzz.gen.Program;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a shrunk failing program as a regression test for integration-tests (package
 * {@code dev.weft.it.fuzz}, where the real agent weaves it): the program itself, and a test that
 * drives its woven entry under the same schedule and expects the reference outcome.
 *
 * <p>Nothing else is written: integration-tests has this module as a test dependency, so the
 * program calls the support classes of {@link Trial#RT_PKG} and the test drives it with
 * {@link Executions#woven}, the very classes that computed the expected outcome.
 *
 * <p>The test is tagged {@code known-weaver-bug} and named {@code *KnownBug} (outside surefire's
 * default includes) while the bug is open; once the weaver is fixed, rename it to {@code *Test}
 * and drop the tag.
 */
public final class RegressionWriter {

    public static final String PACKAGE = "dev.weft.it.fuzz";

    private RegressionWriter() {}

    public static List<Path> write(Path dir, Program p, Verdict v) throws IOException {
        Files.createDirectories(dir);
        String cls = p.className;
        Path program = dir.resolve(cls + ".java");
        Files.writeString(program, p.source(true, PACKAGE, Trial.RT_PKG), StandardCharsets.UTF_8);
        String expected = v.reference == null ? "?" : v.reference.text();
        boolean open = v.failed();
        String testName = cls + (open ? "KnownBug" : "Test");
        String test =
                "package "
                        + PACKAGE
                        + ";\n\n"
                        + "import static org.junit.jupiter.api.Assertions.assertEquals;\n\n"
                        + "import dev.weft.fuzz.exec.Executions;\n"
                        + "import "
                        + Trial.RT_PKG
                        + ".Schedule;\n"
                        + (open ? "import org.junit.jupiter.api.Tag;\n" : "")
                        + "import org.junit.jupiter.api.Test;\n\n"
                        + "/**\n"
                        + " * Written by the weaver fuzzer: program seed "
                        + p.seed
                        + " (schedule seed the same)"
                        + (open ? ", shrunk" : "")
                        + ".\n"
                        + (open
                                ? " * Failure: "
                                        + javadoc(Campaign.firstLines(v.toString(), 3))
                                        + "\n"
                                : " * Passes; kept as an end-to-end example of the fuzz regression format.\n")
                        + " * Reproduce the original: {@code scripts/fuzz 1 "
                        + p.seed
                        + " --single}.\n"
                        + " */\n"
                        + (open ? "@Tag(\"known-weaver-bug\")\n" : "")
                        + "class "
                        + testName
                        + " {\n\n"
                        + "    private static final String EXPECTED = "
                        + literal(expected)
                        + ";\n\n"
                        + "    @Test\n"
                        + "    void wovenRunAgreesWithReference() {\n"
                        + "        assertEquals(EXPECTED, Executions.woven("
                        + cls
                        + ".class, "
                        + Trial.depth(p)
                        + ", Schedule.forSeed("
                        + p.seed
                        + "L)).text());\n"
                        + "    }\n"
                        + "}\n";
        Path testFile = dir.resolve(testName + ".java");
        Files.writeString(testFile, test, StandardCharsets.UTF_8);
        return List.of(program, testFile);
    }

    private static String javadoc(String s) {
        return s.replace("*/", "*&#47;").replace("\n", "\n *   ");
    }

    static String literal(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n\"\n            + \"");
                    break;
                default:
                    if (c < 32 || c > 126) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }
}
