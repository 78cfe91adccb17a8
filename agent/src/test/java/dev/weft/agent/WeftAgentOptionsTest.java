package dev.weft.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The agent's options: self-verification is off unless asked for (docs/design.md §6). */
class WeftAgentOptionsTest {

    @Test
    void selfVerificationIsOffByDefaultAndOnWhenAskedFor() {
        assertFalse(Boolean.getBoolean("weft.agent.verify"), "this test assumes the property unset");
        assertFalse(WeftAgent.transformer(null).selfVerifies());
        assertFalse(WeftAgent.transformer("dump=/tmp/x").selfVerifies());
        assertTrue(WeftAgent.transformer("verify").selfVerifies());
        assertTrue(WeftAgent.transformer("dump=/tmp/x,verify").selfVerifies());
        assertFalse(WeftAgent.transformer("verify=no,dumpx").selfVerifies());
    }
}
