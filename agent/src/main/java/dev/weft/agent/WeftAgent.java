package dev.weft.agent;

import java.lang.instrument.Instrumentation;

/**
 * {@code -javaagent:weft-agent.jar[=dump=<dir>][,noverify]}: installs the weaving transformer.
 * With {@code dump=<dir>}, every woven class is also written to
 * {@code <dir>/<internal name>.class} (the companions are inside their hosts), for {@code javap}
 * and decompilers. By default the weaver's own verifier checks every woven body before it is
 * defined, so a body it got wrong is rejected with a {@code Class.method(File.java:line)} message
 * and the rest of the class still loads, instead of the whole class failing HotSpot's
 * verification at link time. {@code noverify} (or {@code -Dweft.agent.verify=false}) skips that
 * check to save start-up time (about a fifth of a cold weave, docs/design.md, "Start-up cost
 * of load-time weaving"); the bytes are
 * the same either way. {@code -Dweft.agent.stats=true} prints where the weaver spent its time.
 */
public final class WeftAgent {
    private WeftAgent() {}

    public static void premain(String args, Instrumentation inst) {
        inst.addTransformer(transformer(args), false);
    }

    /** The transformer the agent options ask for. */
    static WeavingTransformer transformer(String args) {
        String dump = null;
        // Safe by default: a weaver bug costs one rejected method, never a whole class.
        boolean verify = !"false".equalsIgnoreCase(System.getProperty("weft.agent.verify"));
        if (args != null) {
            for (String a : args.split(",")) {
                if (a.startsWith("dump=")) {
                    dump = a.substring("dump=".length());
                } else if (a.equals("verify")) {
                    verify = true;
                } else if (a.equals("noverify")) {
                    verify = false;
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
