package dev.weft.agent.scan;

/**
 * Which classes the agent may ever touch, by internal name and defining loader. The JDK and
 * bootstrap classes are off limits (weaving them could deadlock or crash class loading), and so
 * is weft itself: the runtime's {@code Async.await} must stay the unwoven marker method. weft's
 * own test and example packages ({@code dev.weft.it}, {@code dev.weft.examples}, ...) are woven
 * like user code, so only the exact runtime and agent packages are excluded.
 */
public final class ClassFilter {

    private static final String[] JDK_PREFIXES = {"java/", "javax/", "jdk/", "sun/", "com/sun/"};
    private static final String[] WEFT_TREES = {"dev/weft/internal/", "dev/weft/agent/"};

    /** The weaver's own test samples live under the agent's tree and must be woven. */
    private static final String AGENT_SAMPLES = "dev/weft/agent/samples/";

    private static final String[] WEFT_API_PACKAGES = {
        "dev/weft/", "dev/weft/net/", "dev/weft/sync/"
    };

    private ClassFilter() {}

    /** True if a class with this name, defined by a loader that is not the bootstrap loader, may be woven. */
    public static boolean mayWeave(String internalName) {
        if (internalName == null) {
            return false; // hidden and anonymous classes: nothing names them, nothing to weave
        }
        for (String p : JDK_PREFIXES) {
            if (internalName.startsWith(p)) {
                return false;
            }
        }
        for (String p : WEFT_TREES) {
            if (internalName.startsWith(p) && !internalName.startsWith(AGENT_SAMPLES)) {
                return false;
            }
        }
        for (String p : WEFT_API_PACKAGES) {
            if (internalName.startsWith(p) && internalName.indexOf('/', p.length()) < 0) {
                return false;
            }
        }
        return true;
    }
}
