package dev.weft.internal.coroutine;

/** The errors thrown by the weave markers when the calling method was not woven. */
public final class NotWoven {

    private NotWoven() {}

    public static IllegalStateException await() {
        return new IllegalStateException(
                "Async.await called in a method that was not woven by weft."
                        + " Run the JVM with -javaagent:weft-agent.jar (or weave at build time with"
                        + " `java -jar weft-agent.jar weave <in> <out>`), and call await only in a method that"
                        + " returns dev.weft.Future, CompletableFuture or CompletionStage."
                        + " weft never falls back to blocking.");
    }

    public static IllegalStateException yield() {
        return new IllegalStateException(
                "Generator.yield called in a method that was not woven by weft."
                        + " Run the JVM with -javaagent:weft-agent.jar (or weave at build time with"
                        + " `java -jar weft-agent.jar weave <in> <out>`), and call yield only in a method that"
                        + " returns dev.weft.Generator.");
    }
}
