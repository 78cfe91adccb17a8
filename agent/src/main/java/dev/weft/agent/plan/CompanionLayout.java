package dev.weft.agent.plan;

import dev.weft.agent.check.CoroutineKind;
import dev.weft.agent.check.SuspensionPoint;
import java.util.List;
import java.util.Map;

/** Everything the emitters need to know about one coroutine method's state object. */
public final class CompanionLayout {
    /** Internal name of the companion class. */
    public final String companionName;

    /** Name of the synthetic host method holding the woven body: the method's own name, overloaded. */
    public final String bodyName;

    public final CoroutineKind kind;

    /** Field name to descriptor, in declaration order. */
    public final Map<String, String> fields;

    /** Parameter slots (this first), restored at state 0. */
    public final List<Slot> params;

    /** Reachable suspension points, in state order (state = index + 1). */
    public final List<SuspensionPoint> points;

    /** Saved slots per reachable suspension point. */
    public final List<List<Slot>> saved;

    CompanionLayout(
            String companionName,
            String bodyName,
            CoroutineKind kind,
            Map<String, String> fields,
            List<Slot> params,
            List<SuspensionPoint> points,
            List<List<Slot>> saved) {
        this.companionName = companionName;
        this.bodyName = bodyName;
        this.kind = kind;
        this.fields = fields;
        this.params = params;
        this.points = points;
        this.saved = saved;
    }

    /** Fields declared by the runtime superclass, as (ints, references) counted for size estimates. */
    private static int inheritedBytes(CoroutineKind kind) {
        // Coroutine: int state + refs awaiting, tail, value, failure; EagerCoroutine adds refs
        // promise,
        // run, cx; GeneratorCoroutine: int state, ref yielded, boolean buffered;
        // AsyncGeneratorCoroutine: int state, refs awaiting, yielded, failure, boolean announced.
        switch (kind) {
            case LAZY:
                return 4 + 4 * 4;
            case EAGER:
                return 4 + 7 * 4;
            case ASYNC_GENERATOR:
                return 4 + 3 * 4 + 1;
            default:
                return 4 + 4 + 1;
        }
    }

    /**
     * Estimated heap size of one state object on a 64-bit HotSpot with compressed oops: 12-byte
     * header, 4-byte references and ints, 8-byte longs and doubles, rounded up to 8.
     */
    public int estimatedBytes() {
        int bytes = 12 + inheritedBytes(kind);
        for (String d : fields.values()) {
            bytes += d.equals("J") || d.equals("D") ? 8 : 4;
        }
        return (bytes + 7) & ~7;
    }
}
