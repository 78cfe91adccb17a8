package dev.weft.agent;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The options after {@code -javaagent:weft-agent.jar=}, comma separated. Anything else is an
 * error naming the valid options: a misspelt {@code dmup=} silently ignored would leave the user
 * looking for a dump that never comes.
 */
public final class AgentOptions {

    /** The valid options, as the usage and the error message list them. */
    public static final String SUMMARY =
            "dump=<dir>,cache=<dir>,verify,noverify,warnBlocking,nojfr";

    /** Where woven classes are also written, or null. */
    final Path dump;

    /** Whether the weaver's own verifier checks each woven body (see {@link WeavingTransformer}). */
    final boolean verify;

    /** Where earlier starts' weaving results are kept, or null (see {@code agent.cache}). */
    final Path cache;

    /**
     * Whether the log also lists calls to known blocking methods in woven methods
     * ({@code dev.weft.agent.check.BlockingCalls}); off by default, as the agent's log is read at
     * run time, where the command line's {@code check} is the place to review them.
     */
    final boolean warnBlocking;

    /**
     * Whether premain registers the Flight Recorder listener that turns on the weave events. On
     * JDK 17 registering brings up JFR's security support (about 50 JDK classes, some 15 ms of
     * start-up on 2 cores), which an application that never records need not pay.
     */
    final boolean jfr;

    private AgentOptions(Path dump, boolean verify, Path cache, boolean warnBlocking, boolean jfr) {
        this.dump = dump;
        this.verify = verify;
        this.cache = cache;
        this.warnBlocking = warnBlocking;
        this.jfr = jfr;
    }

    /**
     * Parses {@code args} (null or empty: the defaults).
     *
     * @throws IllegalArgumentException naming the option that is wrong and the valid ones
     */
    static AgentOptions parse(String args) {
        Path dump = null;
        // Safe by default: a weaver bug costs one rejected method, never a whole class.
        boolean verify = !"false".equalsIgnoreCase(System.getProperty("weft.agent.verify"));
        String cacheProperty = System.getProperty("weft.agent.cache");
        Path cache =
                cacheProperty == null || cacheProperty.isEmpty() ? null : Paths.get(cacheProperty);
        boolean warnBlocking = false;
        boolean jfr = !"false".equalsIgnoreCase(System.getProperty("weft.agent.jfr"));
        if (args != null && !args.isEmpty()) {
            for (String a : args.split(",", -1)) {
                if (a.startsWith("dump=") && a.length() > "dump=".length()) {
                    dump = Paths.get(a.substring("dump=".length()));
                } else if (a.startsWith("cache=") && a.length() > "cache=".length()) {
                    cache = Paths.get(a.substring("cache=".length()));
                } else if (a.equals("verify")) {
                    verify = true;
                } else if (a.equals("noverify")) {
                    verify = false;
                } else if (a.equals("warnBlocking")) {
                    warnBlocking = true;
                } else if (a.equals("nojfr")) {
                    jfr = false;
                } else {
                    throw new IllegalArgumentException(
                            "weft: unknown agent option '"
                                    + a
                                    + "' in -javaagent:weft-agent.jar="
                                    + args
                                    + "\nweft: valid options (comma separated): dump=<dir> (also write every woven class"
                                    + " under <dir>), cache=<dir> (reuse the weaving results of earlier starts kept in <dir>),"
                                    + " verify (the default: check each woven body before defining it),"
                                    + " noverify (skip that check), warnBlocking (also log calls to known blocking"
                                    + " methods, such as Thread.sleep or JDBC, inside woven methods),"
                                    + " nojfr (no Flight Recorder events for weaving, and no"
                                    + " start-up cost for them)");
                }
            }
        }
        return new AgentOptions(dump, verify, cache, warnBlocking, jfr);
    }
}
