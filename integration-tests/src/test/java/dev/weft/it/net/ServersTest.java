package dev.weft.it.net;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** A missing optional peer is a skip whose reason reaches the console, or a failure in CI. */
class ServersTest {

    @Test
    void aMissingPeerPrintsItsSkipMessageOrFailsWhenRequired() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            if ("1".equals(System.getenv("WEFT_REQUIRE_SERVERS"))) {
                AssertionError e =
                        assertThrows(
                                AssertionError.class,
                                () -> Servers.requireOrSkip(false, "no frobnicator"));
                assertTrue(
                        e.getMessage().contains("no frobnicator and WEFT_REQUIRE_SERVERS=1"),
                        e.getMessage());
            } else {
                assertThrows(
                        TestAbortedException.class,
                        () -> Servers.requireOrSkip(false, "no frobnicator"));
                String out = captured.toString(StandardCharsets.UTF_8);
                assertTrue(
                        out.contains(
                                "[weft] SKIPPED "
                                        + ServersTest.class.getName()
                                        + ": no frobnicator"),
                        out);
            }
            Servers.requireOrSkip(true, "present");
        } finally {
            System.setOut(original);
        }
    }
}
