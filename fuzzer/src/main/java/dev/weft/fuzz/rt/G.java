package dev.weft.fuzz.rt;

import dev.weft.AsyncStream;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Generator support. Woven generators are iterated; the reference {@code Generator.yield}
 * appends to {@link #BUFFER} while the (eagerly run) body executes and returns null, and
 * {@link #drain} then takes the buffer. Generator bodies never call other generators, so one
 * buffer suffices; {@link #begin} (each body's first statement) clears what a failed body left.
 *
 * <p>Async generators (family agen) are drained where they are called, by {@link #collect}: woven,
 * it polls the stream's {@code hasNext()} with the awaiting context until the end; in the
 * reference, the body already ran at the call (between {@link #beginA} and {@link #endA}, which
 * the generated body runs in a try/finally), its yields went to its own buffer ({@link #ACTIVE}),
 * and collect takes that buffer. Async bodies nest (one awaits the draining of another) and may
 * drain plain generators, so each has a buffer of its own.
 */
public final class G {

    private static final List<Object> BUFFER = new ArrayList<>();

    /** Reference only: the buffers of the async generator bodies running, innermost first. */
    private static final ArrayDeque<List<Object>> ACTIVE = new ArrayDeque<>();

    /** Reference only: the buffer of the async generator body that ended last. */
    private static List<Object> last = new ArrayList<>();

    private G() {}

    public static void begin() {
        BUFFER.clear();
    }

    public static void add(Object v) {
        BUFFER.add(v);
    }

    /** A yield of the reference, from the body of method {@code caller}: an async one's goes to its own buffer. */
    public static void add(Object v, String caller) {
        if (caller.length() > 1
                && caller.charAt(0) == 'a'
                && Character.isDigit(caller.charAt(1))
                && !ACTIVE.isEmpty()) {
            ACTIVE.peek().add(v);
        } else {
            BUFFER.add(v);
        }
    }

    /** Forgets the async buffers of an earlier run (one whose bodies did not all end). */
    public static void reset() {
        ACTIVE.clear();
        last = new ArrayList<>();
    }

    /** An async generator body's first statement. */
    public static void beginA() {
        ACTIVE.push(new ArrayList<>());
    }

    /** An async generator body's finally block. */
    public static void endA() {
        List<Object> b = ACTIVE.poll();
        last = b == null ? new ArrayList<>() : b;
    }

    /** Every element of an async generator, rendered as a string; null is the reference's stream. */
    public static Future<String> collect(AsyncStream<?> s) {
        if (s == null) {
            List<Object> out = last;
            last = new ArrayList<>();
            return Future.ready(T.show(out.toArray()));
        }
        List<Object> out = new ArrayList<>();
        return new Future<String>() {
            @Override
            public Poll<String> poll(Context cx) {
                for (; ; ) {
                    Poll<Boolean> p = s.hasNext().poll(cx);
                    if (!p.isReady()) {
                        return Poll.pending();
                    }
                    if (!p.value()) {
                        return Poll.ready(T.show(out.toArray()));
                    }
                    out.add(s.next());
                }
            }
        };
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
