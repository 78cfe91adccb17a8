package dev.weft.agent.weave;

import dev.weft.agent.check.Rejection;
import java.util.List;
import java.util.Map;

/** The woven class and what happened to its methods. */
public final class WeaveResult {
    /** The woven host class (companions are embedded in it). */
    public final byte[] bytes;
    /** Companion class internal name to bytes, as embedded (for verification and reports). */
    public final Map<String, byte[]> companions;
    public final List<Rejection> rejections;
    public final List<MethodReport> methods;

    WeaveResult(byte[] bytes, Map<String, byte[]> companions, List<Rejection> rejections, List<MethodReport> methods) {
        this.bytes = bytes;
        this.companions = companions;
        this.rejections = rejections;
        this.methods = methods;
    }
}
