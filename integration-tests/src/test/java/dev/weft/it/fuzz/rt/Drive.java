package dev.weft.it.fuzz.rt;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import java.util.concurrent.Callable;

/**
 * Drives a fuzz regression program's woven entry as the fuzzer's woven execution does
 * (dev.weft.fuzz.exec.Executions in the fuzzer module): the schedule of the program's seed,
 * manual polling with Context.of(waker), deferred wake-ups performed between polls. Returns the
 * result line followed by the trace, one entry a line: what the fuzzer compares.
 */
public final class Drive {

    private Drive() {}

    public static String woven(Callable<Future<Integer>> entry, long seed) {
        L.begin(Schedule.forSeed(seed), true);
        T.reset();
        StringBuilder sb = new StringBuilder(run(entry));
        for (String s : T.snapshot()) {
            sb.append('\n').append(s);
        }
        return sb.toString();
    }

    private static String run(Callable<Future<Integer>> entry) {
        Future<Integer> f;
        try {
            f = entry.call();
        } catch (Throwable t) {
            return "call threw " + describe(t);
        }
        if (!T.snapshot().isEmpty()) {
            return "call ran the body (lazy method not lazy)";
        }
        Context cx = Context.of(() -> {});
        for (int i = 0; i < 200_000; i++) {
            Poll<Integer> p;
            try {
                p = f.poll(cx);
            } catch (Throwable t) {
                return "throw " + describe(t);
            }
            if (p.isReady()) {
                return "value " + T.show(p.value());
            }
            if (!L.runDeferred()) {
                return "stuck: pending with no wake-up deferred";
            }
        }
        return "stuck: 200000 polls";
    }

    private static String describe(Throwable t) {
        return t.getClass().getName() + ": " + t.getMessage();
    }
}
