package dev.weft.internal.coroutine;

/** The errors thrown by the weave markers when the calling method was not woven. */
public final class NotWoven {

    private NotWoven() {}

    /**
     * The system property weft's agent sets when it starts, so that this message can tell a JVM
     * without the agent from a class the agent did not see.
     */
    public static final String AGENT_PROPERTY = "weft.agent.running";

    public static IllegalStateException await() {
        return new IllegalStateException(
                "Async.await called in a method that was not woven by weft."
                        + why(
                                "call await only in a method that returns dev.weft.Future,"
                                        + " CompletableFuture or CompletionStage")
                        + " weft never falls back to blocking.");
    }

    public static IllegalStateException yield() {
        return new IllegalStateException(
                "Generator.yield called in a method that was not woven by weft."
                        + why("call yield only in a method that returns dev.weft.Generator"));
    }

    /**
     * What to do about it; when the agent runs, also the ways a class can miss it, since "run
     * the JVM with the agent" alone would mislead.
     */
    private static String why(String rule) {
        String fix =
                " Run the JVM with -javaagent:weft-agent.jar (or weave at build time with"
                        + " `java -jar weft-agent.jar weave <in> <out>`), and "
                        + rule
                        + ".";
        if (!Boolean.getBoolean(AGENT_PROPERTY)) {
            return fix;
        }
        return fix
                + " The weft agent does run in this JVM, so the calling class was defined without"
                + " it: a [weft] line on stderr says why when the agent saw the class; a method"
                + " reference or a class the JVM generates is never woven; otherwise the class was"
                + " defined before the agent started, or while its loading thread had too little"
                + " stack left for the JVM to call the agent at all (the JDK may then print"
                + " \"transform method call failed\"): load such a class before a deep recursion.";
    }
}
