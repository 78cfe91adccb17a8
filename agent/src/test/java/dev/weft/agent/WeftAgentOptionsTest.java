package dev.weft.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The agent's options: self-verification is on unless switched off (docs/design.md, "Start-up
 * cost of load-time weaving").
 */
class WeftAgentOptionsTest {

    @Test
    void selfVerificationIsOnByDefaultAndOffWhenAskedFor() {
        assertTrue(
                System.getProperty("weft.agent.verify") == null,
                "this test assumes the property unset");
        assertTrue(WeftAgent.transformer(null).selfVerifies());
        assertTrue(WeftAgent.transformer("dump=/tmp/x").selfVerifies());
        assertTrue(WeftAgent.transformer("verify").selfVerifies());
        assertFalse(WeftAgent.transformer("noverify").selfVerifies());
        assertFalse(WeftAgent.transformer("dump=/tmp/x,noverify").selfVerifies());
        assertFalse(WeftAgent.transformer(null).warnsBlocking());
        assertTrue(WeftAgent.transformer("noverify,warnBlocking").warnsBlocking());
    }

    @Test
    void weaveEventsAreOnByDefaultAndOffWithNojfr() {
        assertTrue(
                System.getProperty("weft.agent.jfr") == null,
                "this test assumes the property unset");
        assertTrue(AgentOptions.parse(null).jfr);
        assertTrue(AgentOptions.parse("noverify").jfr);
        assertFalse(AgentOptions.parse("nojfr").jfr);
        assertFalse(AgentOptions.parse("dump=/tmp/x,nojfr").jfr);
        assertTrue(AgentOptions.parse("nojfr").verify, "nojfr leaves the other options alone");
    }

    @Test
    void anUnknownOrMisspeltOptionIsAnErrorListingTheValidOnes() {
        for (String args :
                new String[] {
                    "dmup=/tmp/x", "verify=no", "dump=/tmp/x,noverfy", "dumpx", "dump=", "noverify,"
                }) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> WeftAgent.transformer(args),
                            args);
            assertTrue(e.getMessage().contains("unknown agent option"), e.getMessage());
            assertTrue(
                    e.getMessage().contains("dump=<dir>")
                            && e.getMessage().contains("noverify")
                            && e.getMessage().contains("verify (the default")
                            && e.getMessage().contains("nojfr"),
                    e.getMessage());
        }
        assertTrue(WeftAgent.transformer("").selfVerifies());
    }
}
