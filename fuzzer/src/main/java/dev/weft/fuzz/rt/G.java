package dev.weft.fuzz.rt;

import java.util.ArrayList;
import java.util.List;

/**
 * Generator support. Woven generators are iterated; the reference {@code Generator.yield}
 * appends to {@link #BUFFER} while the (eagerly run) body executes and returns null, and
 * {@link #drain} then takes the buffer. Generator bodies never call other generators, so one
 * buffer suffices; {@link #begin} (each body's first statement) clears what a failed body left.
 */
public final class G {

    private static final List<Object> BUFFER = new ArrayList<>();

    private G() {}

    public static void begin() {
        BUFFER.clear();
    }

    public static void add(Object v) {
        BUFFER.add(v);
    }

    /** Every value the generator yields, rendered as a string; bounded so runaways fail alike. */
    public static String drain(Iterable<?> g) {
        List<Object> out = new ArrayList<>();
        if (g == null) {
            out.addAll(BUFFER);
            BUFFER.clear();
        } else {
            for (Object o : g) {
                out.add(o);
            }
        }
        return T.show(out.toArray());
    }
}
