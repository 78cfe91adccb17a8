package dev.weft.agent.jfr;

/** The transformer's door to its JFR events; no-ops without the {@code jdk.jfr} module. */
public final class WeaveEvents {

    private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.jfr").isPresent();

    private WeaveEvents() {}

    /** Loads the event classes now (premain), not during the first transform. */
    public static void preload() {
        if (AVAILABLE) {
            Emit.preload();
        }
    }

    /** A weave of a class begins; pass the result to {@link #woven} (null when not recorded). */
    public static Object weaving() {
        return AVAILABLE ? Emit.weaving() : null;
    }

    /** The weave that {@link #weaving} began is done. */
    public static void woven(Object started, String className, int methods, int rejections, int bytes) {
        if (started != null) {
            Emit.woven(started, className, methods, rejections, bytes);
        }
    }

    /** The weaver refused a method: {@code message} is {@code Class.method(File.java:line): reason}. */
    public static void rejected(String className, String message) {
        if (AVAILABLE) {
            Emit.rejected(className, message);
        }
    }
}
