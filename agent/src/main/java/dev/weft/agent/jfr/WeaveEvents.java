package dev.weft.agent.jfr;

/** The transformer's door to its JFR events; no-ops without the {@code jdk.jfr} module. */
public final class WeaveEvents {

    private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.jfr").isPresent();

    /**
     * True once the event classes are loaded, which happens when Flight Recorder is initialized
     * (a recording started), on the thread that initializes it, never inside a transform. Loading
     * them at premain instead would bring JFR itself up in every JVM that runs the agent: ~400
     * classes and 170 ms on JDK 25.
     */
    static volatile boolean loaded;

    private WeaveEvents() {}

    /**
     * Called in premain: arranges for the event classes to be loaded as soon as Flight Recorder
     * is initialized (at once if it already is), never during a transform. The listener is
     * registered on a thread of its own: registering loads about 8 {@code jdk.jfr} classes (~4 ms
     * at start-up), which the thread that goes on to load the application need not wait for.
     */
    public static void preload() {
        if (AVAILABLE) {
            Thread t = new Thread(null, new Register(), "weft-jfr-watch", 0);
            t.setDaemon(true);
            t.start();
        }
    }

    /** A class rather than a lambda: a lambda's bootstrap would cost more than the thread saves. */
    private static final class Register implements Runnable {
        @Override
        public void run() {
            try {
                RecorderWatch.register();
            } catch (Throwable e) {
                // no weave events then; never an error in the host application
            }
        }
    }

    /** A weave of a class begins; pass the result to {@link #woven} (null when not recorded). */
    public static Object weaving() {
        return loaded ? Emit.weaving() : null;
    }

    /** The weave that {@link #weaving} began is done. */
    public static void woven(
            Object started, String className, int methods, int rejections, int bytes) {
        if (started != null) {
            Emit.woven(started, className, methods, rejections, bytes);
        }
    }

    /** The weaver refused a method: {@code message} is {@code Class.method(File.java:line): reason}. */
    public static void rejected(String className, String message) {
        if (loaded) {
            Emit.rejected(className, message);
        }
    }
}
