package dev.weft.fuzz.exec;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.fuzz.rt.G;
import dev.weft.fuzz.rt.L;
import dev.weft.fuzz.rt.Schedule;
import dev.weft.fuzz.rt.T;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The two executions of a program's entry {@code m0(d)}.
 *
 * <p>Woven: the call must return a future without running anything observable; the driver polls
 * it with {@code Context.of(waker)}; after each pending poll it performs the wake-ups (and
 * CompletionStage completions) that pending leaves deferred, then polls again. A pending poll
 * that deferred nothing is a lost wake-up ("stuck").
 *
 * <p>Reference: the call runs the body (unwoven), and the reference {@code await} takes the
 * returned future's known outcome.
 */
public final class Executions {

    /**
     * Polls without a new trace entry after which a woven run counts as stuck (leaves pend at most
     * 3 polls each). Counted from the last entry, not from the start: a runaway program that keeps
     * recording must run on to the trace limit, where the reference stops too, instead of
     * stopping earlier on a total that only the woven run counts.
     */
    private static final int MAX_POLLS = 200_000;

    private Executions() {}

    public static Outcome woven(Class<?> program, int depth, Schedule s) {
        L.begin(s, true);
        T.reset();
        G.reset();
        Future<?> f;
        try {
            Method m0 = program.getMethod("m0", int.class);
            f = (Future<?>) m0.invoke(null, depth);
        } catch (InvocationTargetException e) {
            return new Outcome(
                    "call threw " + Outcome.describe(e.getCause()), T.snapshot(), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            return new Outcome("harness: " + Outcome.describe(e), T.snapshot(), e);
        }
        if (!T.snapshot().isEmpty()) {
            return new Outcome("call ran the body (lazy method not lazy)", T.snapshot(), null);
        }
        Context cx = Context.of(() -> {});
        int traced = 0;
        for (int i = 0; i < MAX_POLLS; i++) {
            if (T.size() != traced) {
                traced = T.size();
                i = 0;
            }
            Poll<?> p;
            try {
                p = f.poll(cx);
            } catch (Throwable t) {
                return new Outcome("throw " + Outcome.describe(t), T.snapshot(), t);
            }
            if (p.isReady()) {
                return new Outcome("value " + T.show(p.value()), T.snapshot(), null);
            }
            if (!L.runDeferred()) {
                return new Outcome("stuck: pending with no wake-up deferred", T.snapshot(), null);
            }
        }
        return new Outcome(
                "stuck: " + MAX_POLLS + " polls without a new trace entry", T.snapshot(), null);
    }

    public static Outcome reference(Class<?> program, int depth, Schedule s) {
        L.begin(s, false);
        T.reset();
        G.reset();
        try {
            Method m0 = program.getMethod("m0", int.class);
            Future<?> f = (Future<?>) m0.invoke(null, depth);
            Object v = dev.weft.fuzz.ref.Async.await(f);
            return new Outcome("value " + T.show(v), T.snapshot(), null);
        } catch (InvocationTargetException e) {
            return new Outcome(
                    "throw " + Outcome.describe(e.getCause()), T.snapshot(), e.getCause());
        } catch (ReflectiveOperationException e) {
            return new Outcome("harness: " + Outcome.describe(e), T.snapshot(), e);
        } catch (Throwable t) {
            return new Outcome("throw " + Outcome.describe(t), T.snapshot(), t);
        }
    }
}
