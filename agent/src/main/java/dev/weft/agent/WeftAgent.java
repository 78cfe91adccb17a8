package dev.weft.agent;

import java.lang.instrument.Instrumentation;

/** {@code -javaagent:weft-agent.jar}: installs the weaving transformer. */
public final class WeftAgent {
    private WeftAgent() {}

    public static void premain(String args, Instrumentation inst) {
        inst.addTransformer(new WeavingTransformer(), false);
    }

    /** Attached late, only classes defined from now on are woven. */
    public static void agentmain(String args, Instrumentation inst) {
        premain(args, inst);
    }
}
