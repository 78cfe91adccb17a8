package dev.weft.internal.future;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.internal.context.Coop;
import dev.weft.internal.coroutine.Ready;

/** Pending on the first poll (after waking its own task), ready on the next. */
public final class YieldNow implements Future<Void>, dev.weft.internal.dump.Awaited {

    /** Set by the first poll; the second poll completes. */
    private boolean yielded;

    @Override
    public String describeAwait() {
        return "Async.yieldNow()";
    }

    @Override
    public Poll<Void> poll(Context cx) {
        if (yielded) {
            // the completing poll is a leaf operation like any other: it spends budget.
            return Coop.proceed(cx) ? Ready.done() : Poll.pending();
        }
        yielded = true;
        cx.waker().wake();
        return Poll.pending();
    }
}
