package dev.weft.internal.future;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.internal.coroutine.Sneaky;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * {@code Futures.all}: polls every unfinished child on each poll (with the task's own context,
 * so one wake re-polls them all: O(n) per wake, fine for the small fan-outs it is meant for).
 * Values are kept in the children's order. The first failure cancels the children still
 * pending and is rethrown as the original object.
 */
public final class JoinAll<T> implements Future<List<T>>, dev.weft.internal.dump.Awaited {

    /** Children still pending; a slot is nulled once its child finished (never polled again). */
    private final Future<? extends T>[] pending;

    private final Object[] values;

    private int remaining;

    @SuppressWarnings("unchecked")
    public JoinAll(List<? extends Future<? extends T>> futures) {
        this.pending = (Future<? extends T>[]) futures.toArray(new Future<?>[0]);
        this.values = new Object[pending.length];
        this.remaining = pending.length;
    }

    @Override
    public String describeAwait() {
        return "Futures.all of "
                + pending.length
                + ", waiting for "
                + dev.weft.internal.dump.AwaitChain.briefs(pending);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Poll<List<T>> poll(Context cx) {
        for (int i = 0; i < pending.length && remaining > 0; i++) {
            Future<? extends T> f = pending[i];
            if (f == null) {
                continue;
            }
            try {
                Poll<? extends T> p = f.poll(cx);
                if (!p.isReady()) {
                    continue;
                }
                values[i] = p.value();
            } catch (Throwable t) {
                pending[i] = null;
                cancel();
                throw Sneaky.<RuntimeException>rethrow(t);
            }
            pending[i] = null;
            remaining--;
        }
        if (remaining > 0) {
            return Poll.pending();
        }
        return Poll.ready(Collections.unmodifiableList((List<T>) Arrays.asList(values)));
    }

    /** Cancels every child still pending. */
    @Override
    public void cancel() {
        for (int i = 0; i < pending.length; i++) {
            Future<? extends T> f = pending[i];
            if (f != null) {
                pending[i] = null;
                remaining--;
                f.cancel();
            }
        }
    }
}
