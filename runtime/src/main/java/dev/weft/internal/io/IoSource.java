package dev.weft.internal.io;

import dev.weft.Context;
import dev.weft.Waker;
import java.io.IOException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;

/**
 * A channel's registration with a {@link Reactor} (the polling runtime's, chosen by the first
 * operation that waits, so a socket created on any thread joins the runtime that uses it): its selection key (created by the first
 * operation that would block) and one waker slot per direction. At most one pending operation
 * per direction at a time (one reader and one writer), as with the JDK's asynchronous channels.
 *
 * <p>Direction {@link #IN} covers OP_READ and OP_ACCEPT; {@link #OUT} covers OP_WRITE and
 * OP_CONNECT. Interest is level-triggered and one-shot: data arriving between a failed attempt
 * and {@link #arm} is reported by the next select, so no readiness is lost.
 */
public final class IoSource {

    public static final int IN = 0;
    public static final int OUT = 1;
    private static final int IN_OPS = SelectionKey.OP_READ | SelectionKey.OP_ACCEPT;

    /** Chosen by the first operation that waits: the polling runtime's (guarded by this). */
    private Reactor reactor;

    private final SelectableChannel channel;

    /** Guarded by this. */
    private SelectionKey key;

    /** Guarded by this. */
    private final Waker[] wakers = new Waker[2];

    private volatile boolean closed;

    public IoSource(SelectableChannel channel) throws IOException {
        this.channel = channel;
        channel.configureBlocking(false);
    }

    public boolean isClosed() {
        return closed;
    }

    /** Internal (tests): the key's interest set, 0 when unregistered or cancelled. */
    public synchronized int interestOps() {
        return key != null && key.isValid() ? key.interestOps() : 0;
    }

    /** The reactor this channel registered with, or null before its first wait. */
    public synchronized Reactor reactor() {
        return reactor;
    }

    /**
     * Waits for {@code op} in direction {@code dir}: stores the waker, adds the interest and
     * wakes the selector if needed. Fails with AsynchronousCloseException once closed.
     */
    public void arm(int dir, int op, Context cx) throws IOException {
        Reactor r;
        synchronized (this) {
            if (closed) {
                throw new AsynchronousCloseException();
            }
            wakers[dir] = cx.waker();
            if (key == null) {
                reactor = Reactor.of(cx);
                try {
                    key = channel.register(reactor.selector(), op, this);
                } catch (java.nio.channels.ClosedSelectorException e) {
                    reactor = null;
                    throw new AsynchronousCloseException(); // the runtime shut down
                }
                reactor.registered();
            } else {
                int ops = key.interestOps();
                if ((ops & op) == op) {
                    return;
                }
                try {
                    key.interestOps(ops | op);
                } catch (CancelledKeyException e) {
                    throw new AsynchronousCloseException();
                }
            }
            r = reactor;
        }
        r.interestChanged();
    }

    /** Forgets the waiter in {@code dir} and removes its interest (cancel, or done early). */
    public void disarm(int dir) {
        synchronized (this) {
            wakers[dir] = null;
            if (key != null && key.isValid()) {
                int mask = dir == IN ? IN_OPS : ~IN_OPS;
                try {
                    key.interestOps(key.interestOps() & ~mask);
                } catch (CancelledKeyException ignored) {
                    // closed concurrently: the key is gone anyway
                }
            }
        }
    }

    /** The driving thread: the key is ready; drop the ready interest and wake its waiters. */
    void ready(SelectionKey k) {
        Waker in = null;
        Waker out = null;
        synchronized (this) {
            int ready;
            try {
                ready = k.readyOps();
                k.interestOps(k.interestOps() & ~ready);
            } catch (CancelledKeyException e) {
                ready = -1;
            }
            if ((ready & IN_OPS) != 0) {
                in = wakers[IN];
                wakers[IN] = null;
            }
            if ((ready & ~IN_OPS) != 0) {
                out = wakers[OUT];
                wakers[OUT] = null;
            }
        }
        if (in != null) {
            in.wake();
        }
        if (out != null) {
            out.wake();
        }
    }

    /**
     * Closes the channel and wakes both waiters, whose next poll fails with
     * AsynchronousCloseException; the key is deregistered by the next select. Idempotent.
     */
    public void close() {
        Waker in;
        Waker out;
        Reactor r;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            r = reactor;
            in = wakers[IN];
            out = wakers[OUT];
            wakers[IN] = null;
            wakers[OUT] = null;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing releases the descriptor regardless
        }
        // a registered channel's descriptor is released when its key is deregistered, which every
        // select does first: wake the driver only if it waits (unpark, not an unconditional wakeup).
        if (r != null) {
            r.unpark();
        }
        if (in != null) {
            in.wake();
        }
        if (out != null) {
            out.wake();
        }
    }
}
