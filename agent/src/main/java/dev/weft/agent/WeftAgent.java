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
 * the same either way. {@code warnBlocking} also logs each call to a known blocking method
 * ({@code Thread.sleep}, {@code Future.get}, JDBC, ...) inside a woven method, as
 * {@code java -jar weft-agent.jar check} reports them.
 * {@code nojfr} (or {@code -Dweft.agent.jfr=false}) registers no Flight Recorder listener: no
 * weave events, and none of the start-up that registering costs (on JDK 17 it brings up about 50
 * classes of JFR's security support).
 * {@code -Dweft.agent.stats=true} prints where the weaver spent its time.
 * Any other option stops the JVM at start-up with the list of valid ones ({@link AgentOptions}).
 */
public final class WeftAgent {
    private WeftAgent() {}

    /**
     * Installs the transformer. A wrong option stops the JVM here, with the valid options on
     * stderr, before the application runs with settings it did not ask for.
     */
    public static void premain(String args, Instrumentation inst) {
        AgentOptions o;
        try {
            o = AgentOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            // an exception out of premain would abort the JVM with a native assertion and a stack
            // trace
            System.exit(2);
            return;
        }
        install(o, inst);
    }

    /** Adds the transformer of {@code o}, and the weave events' listener unless {@code nojfr}. */
    private static void install(AgentOptions o, Instrumentation inst) {
        WeavingTransformer t = transformer(o);
        FreshStack.preload();
        // read by weft-runtime's not-woven error (NotWoven.AGENT_PROPERTY): the agent cannot
        // reference the runtime, which its loader may not even see
        System.setProperty("weft.agent.running", "true");
        if (o.jfr) {
            // never load an agent class inside a transform
            dev.weft.agent.jfr.WeaveEvents.preload();
        }
        inst.addTransformer(t, false);
    }

    /**
     * The transformer the agent options ask for.
     *
     * @throws IllegalArgumentException on an unknown option, naming the valid ones
     */
    static WeavingTransformer transformer(String args) {
        return transformer(AgentOptions.parse(args));
    }

    private static WeavingTransformer transformer(AgentOptions o) {
        return new WeavingTransformer(
                o.dump,
                o.verify,
                o.cache == null
                        ? null
                        : new dev.weft.agent.cache.WovenCache(
                                o.cache,
                                dev.weft.agent.cache.WovenCache.agentIdentity(WeftAgent.class)),
                o.warnBlocking);
    }

    /**
     * Attached late, only classes defined from now on are woven. With {@code tasks=<file>}
     * (what {@code java -jar weft-agent.jar tasks <pid>} passes) it weaves nothing and writes the
     * task dump of every runtime in this JVM to the file instead (package {@code attach}).
     */
    public static void agentmain(String args, Instrumentation inst) throws java.io.IOException {
        if (args != null && args.startsWith(dev.weft.agent.attach.TargetDump.ARGUMENT)) {
            dev.weft.agent.attach.TargetDump.run(args, inst);
            return;
        }
        // never exit a running application: a wrong option fails the attach instead
        install(AgentOptions.parse(args), inst);
    }
}
