package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What a user sees when starting a JVM with the agent wrongly (issue 13, point 5): a misspelt
 * agent option stops the JVM with the valid options, and a class path without weft-runtime is
 * named as such instead of as a NoClassDefFoundError for an internal class.
 */
class AgentStartupTest {

    private record Run(int code, String output) {}

    private static Run java(String agentArgs, String classPath, String main) throws Exception {
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-javaagent:" + WovenBytes.agentJar() + agentArgs,
                                "-cp",
                                classPath,
                                main));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "did not finish: " + cmd);
        return new Run(p.exitValue(), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMisspeltAgentOptionStopsTheJvmListingTheValidOnes() throws Exception {
        Run r = java("=dmup=/tmp/x", WovenBytes.classPath(), "dev.weft.it.fixtures.UsesWeft");
        assertEquals(2, r.code(), r.output());
        assertTrue(r.output().contains("weft: unknown agent option 'dmup=/tmp/x'"), r.output());
        assertTrue(
                r.output().contains("dump=<dir>") && r.output().contains("noverify"), r.output());
        assertFalse(r.output().contains("hello"), "the application must not run: " + r.output());
        assertFalse(
                r.output().contains("FATAL ERROR"), "a clean exit, not an abort: " + r.output());

        Run valid = java("=noverify", WovenBytes.classPath(), "dev.weft.it.fixtures.UsesWeft");
        assertEquals(0, valid.code(), valid.output());
        assertTrue(valid.output().contains("hello"), valid.output());
    }

    /**
     * The weave events are on unless {@code nojfr} is given: then premain registers no Flight
     * Recorder listener, and a class woven while a recording runs is not an event.
     */
    @Test
    void weaveEventsAreRecordedUnlessNojfrIsGiven() throws Exception {
        Run on = java("", WovenBytes.classPath(), "dev.weft.it.fixtures.CountWeaveEvents");
        assertEquals(0, on.code(), on.output());
        assertTrue(on.output().contains("WEAVE_EVENTS 1"), on.output());

        Run off = java("=nojfr", WovenBytes.classPath(), "dev.weft.it.fixtures.CountWeaveEvents");
        assertEquals(0, off.code(), off.output());
        assertTrue(off.output().contains("WEAVE_EVENTS 0"), off.output());
    }

    @Test
    void aClassPathWithoutTheRuntimeIsNamedInPlainWords() throws Exception {
        Run r =
                java(
                        "",
                        Path.of("target/test-classes").toAbsolutePath().toString(),
                        "dev.weft.it.fixtures.UsesWeft");
        assertTrue(r.code() != 0, r.output());
        assertTrue(
                r.output()
                        .contains(
                                "[weft] the weft-runtime jar is missing from the class path:"
                                        + " dev.weft.it.fixtures.UsesWeft uses weft"),
                r.output());
        assertFalse(
                r.output().contains("dev/weft/internal")
                        && r.output().contains("NoClassDefFoundError: dev/weft/internal"),
                "no internal class in the error: " + r.output());
    }
}
