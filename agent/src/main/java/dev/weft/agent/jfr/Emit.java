package dev.weft.agent.jfr;

/** Creates and commits the events; only {@link WeaveEvents} calls it, and only when jdk.jfr exists. */
final class Emit {

    private Emit() {}

    static void preload() {
        new WeaveClassEvent().isEnabled();
        new WeaveRejectionEvent().isEnabled();
    }

    static Object weaving() {
        WeaveClassEvent e = new WeaveClassEvent();
        if (!e.isEnabled()) {
            return null;
        }
        e.begin();
        return e;
    }

    static void woven(Object started, String className, int methods, int rejections, int bytes) {
        WeaveClassEvent e = (WeaveClassEvent) started;
        e.end();
        if (e.shouldCommit()) {
            e.className = className.replace('/', '.');
            e.wovenMethods = methods;
            e.rejections = rejections;
            e.bytes = bytes;
            e.commit();
        }
    }

    static void rejected(String className, String message) {
        WeaveRejectionEvent e = new WeaveRejectionEvent();
        if (e.isEnabled()) {
            e.className = className.replace('/', '.');
            e.message = message;
            e.commit();
        }
    }
}
