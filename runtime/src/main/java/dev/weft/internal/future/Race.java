package dev.weft.internal.future;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.internal.coroutine.Sneaky;
import java.util.List;

/**
 * {@code Futures.race}: polls the children in list order (biased, like Tokio's
 * {@code select! { biased; }}); the first to finish, with a value or a failure, wins and the
 * others are cancelled before its outcome is returned or rethrown.
 */
public final class Race<T> implements Future<T>, dev.weft.internal.dump.Awaited {

    private final Future<? extends T>[] children;

    /** Set once decided or cancelled: nothing left to cancel. */
    private boolean finished;

    @SuppressWarnings("unchecked")
    public Race(List<? extends Future<? extends T>> futures) {
        if (futures.isEmpty()) {
            throw new IllegalArgumentException("race of no futures would never finish");
        }
        this.children = (Future<? extends T>[]) futures.toArray(new Future<?>[0]);
    }

    @Override
    public String describeAwait() {
        return "Futures.race of "
                + children.length
                + ": "
                + dev.weft.internal.dump.AwaitChain.briefs(children);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Poll<T> poll(Context cx) {
        for (int i = 0; i < children.length; i++) {
            Poll<? extends T> p;
            try {
                p = children[i].poll(cx);
                if (p.isReady()) {
                    p.value(); // a failed ready poll throws here, as the winner's error
                }
            } catch (Throwable t) {
                cancelOthers(i);
                throw Sneaky.<RuntimeException>rethrow(t);
            }
            if (p.isReady()) {
                cancelOthers(i);
                return (Poll<T>) p;
            }
        }
        return Poll.pending();
    }

    private void cancelOthers(int winner) {
        finished = true;
        for (int i = 0; i < children.length; i++) {
            if (i != winner) {
                children[i].cancel();
            }
        }
    }

    @Override
    public void cancel() {
        if (!finished) {
            cancelOthers(-1);
        }
    }
}
