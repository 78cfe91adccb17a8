package dev.weft.internal.io;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.internal.coroutine.Sneaky;
import dev.weft.internal.task.Coop;
import java.io.IOException;
import java.nio.channels.AsynchronousCloseException;

/**
 * A leaf future for one non-blocking socket operation: poll attempts it; when it would block,
 * arms the source's direction and answers Pending; the wake re-polls, which attempts again
 * (spurious readiness simply re-arms). Failures are thrown as the JDK's own exception objects.
 *
 * @param <T> the operation's result
 */
public abstract class IoOp<T> implements Future<T> {

    /** What {@link #attempt} returns when the operation would block. */
    protected static final Object WOULD_BLOCK = new Object();

    protected final IoSource source;
    private final int dir;
    private final int op;
    private boolean armed;

    protected IoOp(IoSource source, int dir, int op) {
        this.source = source;
        this.dir = dir;
        this.op = op;
    }

    /** Tries the operation once: its result, or {@link #WOULD_BLOCK}. */
    protected abstract Object attempt() throws IOException;

    @Override
    @SuppressWarnings("unchecked")
    public Poll<T> poll(Context cx) {
        if (!Coop.proceed(cx)) {
            return Poll.pending();
        }
        if (armed && source.isClosed()) {
            armed = false;
            throw Sneaky.<RuntimeException>rethrow(new AsynchronousCloseException());
        }
        Object r;
        try {
            r = attempt();
            if (r == WOULD_BLOCK) {
                source.arm(dir, op, cx);
                armed = true;
                return Poll.pending();
            }
        } catch (IOException e) {
            boolean wasArmed = armed;
            disarm();
            if (wasArmed && source.isClosed()) {
                throw Sneaky.<RuntimeException>rethrow(new AsynchronousCloseException());
            }
            throw Sneaky.<RuntimeException>rethrow(e);
        }
        disarm();
        return Poll.ready((T) r);
    }

    private void disarm() {
        if (armed) {
            armed = false;
            source.disarm(dir);
        }
    }

    /** The awaiter gave up: the waker and the interest are removed. Idempotent. */
    @Override
    public void cancel() {
        disarm();
    }
}
