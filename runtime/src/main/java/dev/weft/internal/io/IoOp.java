package dev.weft.internal.io;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.internal.context.Coop;
import dev.weft.internal.coroutine.Sneaky;
import java.io.IOException;
import java.nio.channels.AsynchronousCloseException;

/**
 * A leaf future for one non-blocking socket operation. poll consults the source's cached
 * readiness: when the direction is not known ready it waits without a syscall; otherwise it
 * attempts the operation, and when that would block clears the bit (unless an event arrived
 * meanwhile) and waits. A subclass that learns the channel is drained although it got a result
 * (a short read) calls {@link #drained}, so the next operation waits without trying. Failures are
 * thrown as the JDK's own exception objects.
 *
 * @param <T> the operation's result
 */
public abstract class IoOp<T> implements Future<T>, dev.weft.internal.dump.Awaited {

    /** What {@link #attempt} returns when the operation would block. */
    protected static final Object WOULD_BLOCK = new Object();

    /** Attempts after which poll waits even if the bit keeps coming back (bounds the loop). */
    private static final int MAX_TRIES = 8;

    protected final IoSource source;
    private final int dir;
    private final int op;
    private boolean armed;
    private boolean drained;

    protected IoOp(IoSource source, int dir, int op) {
        this.source = source;
        this.dir = dir;
        this.op = op;
    }

    /** Tries the operation once: its result, or {@link #WOULD_BLOCK}. */
    protected abstract Object attempt() throws IOException;

    /**
     * Called from {@link #attempt} when it returns a result that shows nothing more is ready
     * (fewer bytes read than there was room for): where the selecting thread runs the woken tasks
     * the readiness bit is cleared as for WOULD_BLOCK, so the next operation waits without a
     * syscall. Data that arrives meanwhile is not lost: the interest stays registered and the
     * level-triggered selector reports it again. With a dedicated driver thread the bit is kept:
     * a wait there costs a cross-thread hand-off, and the next read often finds data (measured:
     * clearing made one-connection echo take 1.2-1.6x the server CPU per message).
     */
    protected final void drained() {
        drained = true;
    }

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
            for (int tries = 0; ; tries++) {
                int snapshot = source.readiness();
                // a closed source attempts, so an operation started after close() gets the JDK's
                // ClosedChannelException
                if ((!IoSource.isReady(snapshot, dir) || tries >= MAX_TRIES)
                        && !source.isClosed()) {
                    if (source.arm(dir, op, cx, tries >= MAX_TRIES)) {
                        armed = true;
                        return Poll.pending();
                    }
                    continue; // became ready while arming
                }
                drained = false;
                r = attempt();
                if (r == WOULD_BLOCK) {
                    source.clearReadiness(dir, snapshot);
                    continue;
                }
                if (drained && source.selectorRunsTasks()) {
                    source.clearReadiness(dir, snapshot);
                }
                break;
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
        if (op == java.nio.channels.SelectionKey.OP_CONNECT) {
            source.finished(op);
        }
        return Poll.ready((T) r);
    }

    private void disarm() {
        if (armed) {
            armed = false;
            source.disarm(dir);
        }
    }

    /** For task dumps: the operation and the channel, whose toString names its addresses. */
    @Override
    public String describeAwait() {
        String what =
                op == java.nio.channels.SelectionKey.OP_READ
                        ? "socket read"
                        : op == java.nio.channels.SelectionKey.OP_WRITE
                                ? "socket write"
                                : op == java.nio.channels.SelectionKey.OP_ACCEPT
                                        ? "accept"
                                        : "connect";
        return what + " on " + source.describeChannel();
    }

    /** The awaiter gave up: the waker is removed (the interest stays; see IoSource). Idempotent. */
    @Override
    public void cancel() {
        disarm();
    }
}
