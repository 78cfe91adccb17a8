package dev.weft.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The agent's options: self-verification is on unless switched off (docs/design.md, "Start-up
 * cost of load-time weaving").
 */
class WeftAgentOptionsTest {

    @Test
    void selfVerificationIsOnByDefaultAndOffWhenAskedFor() {
        assertTrue(System.getProperty("weft.agent.verify") == null, "this test assumes the property unset");
        assertTrue(WeftAgent.transformer(null).selfVerifies());
        assertTrue(WeftAgent.transformer("dump=/tmp/x").selfVerifies());
        assertTrue(WeftAgent.transformer("verify").selfVerifies());
        assertFalse(WeftAgent.transformer("noverify").selfVerifies());
        assertFalse(WeftAgent.transformer("dump=/tmp/x,noverify").selfVerifies());
        assertTrue(WeftAgent.transformer("verify=no,dumpx").selfVerifies());
    }
}
