package dev.weft.agent.weave;

import dev.weft.agent.check.Rejection;
import dev.weft.agent.check.Warning;
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

    /**
     * Futures created and never used, found in every method of the class, woven or not
     * ({@link dev.weft.agent.check.DiscardedFutures}); warnings never change {@link #bytes}.
     */
    public final List<Warning> warnings;

    /**
     * False when the class had nothing to weave and the result exists only for its warnings:
     * {@link #bytes} is then the input itself, and there are no methods, rejections or companions.
     */
    public final boolean woven;

    WeaveResult(
            byte[] bytes,
            Map<String, byte[]> companions,
            List<Rejection> rejections,
            List<MethodReport> methods,
            List<Warning> warnings,
            boolean woven) {
        this.bytes = bytes;
        this.companions = companions;
        this.rejections = rejections;
        this.methods = methods;
        this.warnings = warnings;
        this.woven = woven;
    }
}
