package dev.weft.internal.coroutine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The not-woven errors tell a JVM without the agent from a class the running agent missed. */
class NotWovenTest {

    @Test
    void withoutTheAgentTheMessageSaysToStartIt() {
        String was = System.clearProperty(NotWoven.AGENT_PROPERTY);
        try {
            String m = NotWoven.await().getMessage();
            assertTrue(m.contains("Run the JVM with -javaagent:weft-agent.jar"), m);
            assertFalse(m.contains("does run"), m);
            assertTrue(m.contains("weft never falls back to blocking"), m);
            assertTrue(NotWoven.yield().getMessage().contains("dev.weft.Generator"));
        } finally {
            restore(was);
        }
    }

    @Test
    void withTheAgentRunningTheMessageSaysWhyItMayHaveMissedTheClass() {
        String was = System.setProperty(NotWoven.AGENT_PROPERTY, "true");
        try {
            String m = NotWoven.await().getMessage();
            assertTrue(m.contains("Run the JVM with -javaagent:weft-agent.jar"), m);
            assertTrue(m.contains("The weft agent does run in this JVM"), m);
            assertTrue(m.contains("a method reference"), m);
            assertTrue(m.contains("too little stack left"), m);
            assertTrue(m.contains("CompletableFuture or CompletionStage"), m);
            String y = NotWoven.yield().getMessage();
            assertTrue(y.contains("The weft agent does run in this JVM"), y);
        } finally {
            restore(was);
        }
    }

    private static void restore(String was) {
        if (was == null) {
            System.clearProperty(NotWoven.AGENT_PROPERTY);
        } else {
            System.setProperty(NotWoven.AGENT_PROPERTY, was);
        }
    }
}
