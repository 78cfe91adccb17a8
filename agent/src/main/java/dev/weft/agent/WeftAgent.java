package dev.weft.agent;

import java.lang.instrument.Instrumentation;

/**
 * {@code -javaagent:weft-agent.jar[=dump=<dir>][,verify]}: installs the weaving transformer. With
 * {@code dump=<dir>}, every woven class is also written to {@code <dir>/<internal name>.class}
 * (the companions are inside their hosts), for {@code javap} and decompilers. With
 * {@code verify} (or {@code -Dweft.agent.verify=true}), the weaver's own verifier checks every
 * woven body before it is defined, and a body it refuses is rejected with a message instead of
 * failing HotSpot's verification at link time; it costs start-up time, so it is off by default
 * (docs/design.md §6). {@code -Dweft.agent.stats=true} prints where the weaver spent its time.
 */
public final class WeftAgent {
    private WeftAgent() {}

    public static void premain(String args, Instrumentation inst) {
        inst.addTransformer(transformer(args), false);
    }

    /** The transformer the agent options ask for. */
    static WeavingTransformer transformer(String args) {
        String dump = null;
        boolean verify = Boolean.getBoolean("weft.agent.verify");
        if (args != null) {
            for (String a : args.split(",")) {
                if (a.startsWith("dump=")) {
                    dump = a.substring("dump=".length());
                } else if (a.equals("verify")) {
                    verify = true;
                }
            }
        }
        return new WeavingTransformer(dump == null ? null : java.nio.file.Paths.get(dump), verify);
    }

    /** Attached late, only classes defined from now on are woven. */
    public static void agentmain(String args, Instrumentation inst) {
        premain(args, inst);
    }
}
