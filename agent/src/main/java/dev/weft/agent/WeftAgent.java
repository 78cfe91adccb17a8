package dev.weft.agent;

import java.lang.instrument.Instrumentation;

/** PLACEHOLDER: the weaver issue installs the transformer here. */
public final class WeftAgent {
    private WeftAgent() {}

    public static void premain(String args, Instrumentation inst) {}

    public static void agentmain(String args, Instrumentation inst) {}
}
