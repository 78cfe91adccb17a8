package dev.weft.agent;

import java.lang.instrument.Instrumentation;

/**
 * {@code -javaagent:weft-agent.jar[=dump=<dir>]}: installs the weaving transformer. With
 * {@code dump=<dir>}, every woven class is also written to {@code <dir>/<internal name>.class}
 * (the companions are inside their hosts), for {@code javap} and decompilers.
 */
public final class WeftAgent {
    private WeftAgent() {}

    public static void premain(String args, Instrumentation inst) {
        String dump = null;
        if (args != null) {
            for (String a : args.split(",")) {
                if (a.startsWith("dump=")) {
                    dump = a.substring("dump=".length());
                }
            }
        }
        inst.addTransformer(new WeavingTransformer(dump == null ? null : java.nio.file.Paths.get(dump)), false);
    }

    /** Attached late, only classes defined from now on are woven. */
    public static void agentmain(String args, Instrumentation inst) {
        premain(args, inst);
    }
}
