package dev.weft.internal.io;

import dev.weft.Context;
import dev.weft.Waker;
import dev.weft.internal.context.RuntimeHandle;
import dev.weft.internal.driver.IoRegistration;
import dev.weft.internal.driver.Reactor;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;

/**
 * A channel's registration with a {@link Reactor} (the polling runtime's, chosen by the first
 * operation that waits, so a socket created on any thread joins the runtime that uses it): its
 * selection key (created by the first operation that would block), one waker slot per direction
 * and a readiness word. At most one pending operation per direction at a time (one reader and
 * one writer), as with the JDK's asynchronous channels.
 *
 * <p>Direction {@link #IN} covers OP_READ and OP_ACCEPT; {@link #OUT} covers OP_WRITE and
 * OP_CONNECT. Interest stays registered while the source is in use (no add/remove per
 * operation); readiness is cached in {@link #readiness} as one bit per direction plus a tick, as
 * Tokio's ScheduledIo does. The interest of a direction is dropped when the selector reports
 * it again while no waiter waits and the bit is already set (a level-triggered selector would
 * report it on every select); the next {@link #arm} adds it back. See package-info for the protocol and why no readiness is lost.
 */
public final class IoSource implements IoRegistration {

    public static final int IN = 0;
    public static final int OUT = 1;
    private static final int IN_OPS = SelectionKey.OP_READ | SelectionKey.OP_ACCEPT;
    private static final int OUT_OPS = SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT;

    /** Readiness word: bit 0 IN ready, bit 1 OUT ready, the rest a tick bumped by every event. */
    private static final int TICK = 4;

    private static final VarHandle READINESS;

    static {
        try {
            READINESS =
                    MethodHandles.lookup().findVarHandle(IoSource.class, "readiness", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Chosen by the first operation that waits: the polling runtime's (written under this). */
    private volatile Reactor reactor;

    private final SelectableChannel channel;

    /** Guarded by this. */
    private SelectionKey key;

    /** Guarded by this. */
    private final Waker[] wakers = new Waker[2];

    /**
     * Per direction, guarded by this: how many times the selector reported it since {@link
     * #ready} woke its waiter, while that operation has not polled again (0: nobody woken, or the
     * woken operation polled, re-armed or was cancelled). A woken task may wait in a run queue
     * behind hundreds of others at 1,000 connections while busy workers keep polling the
     * selector; its readiness is reported on every poll meanwhile, and dropping the interest then
     * costs two epoll_ctl per message (the drop, and the re-add by the task's next wait):
     * measured as 14% of the echo server's CPU at 1,000 connections. Only polls (selects that do
     * not wait, {@link Reactor#isPolling}) let such a report pass: a waiting select would return
     * at once on it again and spin. Bounded by {@link #WOKEN_REPORTS}, so an operation abandoned
     * after its wake without a cancel is not reported by every poll forever.
     */
    private final int[] reportsSinceWake = new int[2];

    /** Re-reports a woken, not yet polled operation keeps its interest through. */
    static final int WOKEN_REPORTS = 64;

    /**
     * Cached readiness, set by the driver (under the lock) and cleared by operations that found
     * nothing (CAS against the tick they saw). Starts with both directions assumed ready, so a
     * new channel's first operation simply tries.
     */
    @SuppressWarnings("unused") // accessed through READINESS
    private volatile int readiness = 3;

    private volatile boolean closed;

    public IoSource(SelectableChannel channel) throws IOException {
        this.channel = channel;
        channel.configureBlocking(false);
    }

    /** For task dumps: e.g. {@code SocketChannel[connected local=/127.0.0.1:5000 remote=/127.0.0.1:53122]}. */
    public String describeChannel() {
        // the JDK's own names: java.nio.channels.SocketChannel[...],
        // sun.nio.ch.ServerSocketChannelImpl[...]
        String s = channel.toString().replace("ChannelImpl[", "Channel[");
        return s.startsWith("java.nio.channels.")
                ? s.substring("java.nio.channels.".length())
                : s.startsWith("sun.nio.ch.") ? s.substring("sun.nio.ch.".length()) : s;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Internal (tests): the key's interest set, 0 when unregistered or cancelled. */
    public synchronized int interestOps() {
        return key != null && key.isValid() ? key.interestOps() : 0;
    }

    /** Internal (tests): whether a waker waits in {@code dir}. */
    public synchronized boolean hasWaiter(int dir) {
        return wakers[dir] != null;
    }

    /** The reactor this channel registered with, or null before its first wait. */
    public synchronized Reactor reactor() {
        return reactor;
    }

    /** A snapshot of the readiness word, to pass to {@link #clearReadiness}. */
    int readiness() {
        return (int) READINESS.getVolatile(this);
    }

    static boolean isReady(int snapshot, int dir) {
        return (snapshot & (1 << dir)) != 0;
    }

    /**
     * Whether the thread that selects also runs what it wakes (worker driving, current-thread
     * runtime): then waiting is cheap and a short read may clear the bit; false before the first
     * wait and with a dedicated driver thread.
     */
    boolean selectorRunsTasks() {
        Reactor r = reactor;
        return r != null && r.thread() == null;
    }

    /** Internal (tests): whether {@code dir}'s readiness bit is set. */
    public boolean isReady(int dir) {
        return isReady(readiness(), dir);
    }

    /**
     * Clears {@code dir}'s bit unless an event arrived since {@code snapshot} was read (its tick
     * moved): the operation that saw nothing must not erase readiness it never tried.
     */
    void clearReadiness(int dir, int snapshot) {
        int bit = 1 << dir;
        while (true) {
            int cur = readiness();
            if ((cur & ~3) != (snapshot & ~3) || (cur & bit) == 0) {
                return;
            }
            if (READINESS.compareAndSet(this, cur, cur & ~bit)) {
                return;
            }
        }
    }

    /** Under the lock (the driver): sets the bits of {@code dirs} and bumps the tick. */
    private void setReadiness(int bits) {
        while (true) {
            int cur = readiness();
            if (READINESS.compareAndSet(this, cur, ((cur & ~3) + TICK) | (cur & 3) | bits)) {
                return;
            }
        }
    }

    /**
     * Waits for {@code op} in direction {@code dir}: stores the waker and makes sure the interest
     * is registered; only a change of the interest set needs the driver woken (a key whose
     * interest is already set is reported by the next select anyway). Fails with
     * AsynchronousCloseException once closed.
     *
     * @return false when {@code dir} became ready meanwhile (the waker is not kept: try again)
     */
    boolean arm(int dir, int op, Context cx) throws IOException {
        return arm(dir, op, cx, false);
    }

    /** As {@link #arm(int, int, Context)}; {@code force} waits even when the bit is set. */
    boolean arm(int dir, int op, Context cx, boolean force) throws IOException {
        Reactor r;
        synchronized (this) {
            if (closed) {
                throw new AsynchronousCloseException();
            }
            if (!force && isReady(readiness(), dir)) {
                return false; // set by the driver after the caller's attempt: no need to wait
            }
            wakers[dir] = cx.waker();
            reportsSinceWake[dir] = 0;
            if (key == null) {
                reactor = RuntimeHandle.reactorOf(cx);
                try {
                    key = channel.register(reactor.selector(), op, this);
                } catch (java.nio.channels.ClosedSelectorException e) {
                    reactor = null;
                    wakers[dir] = null;
                    throw new AsynchronousCloseException(); // the runtime shut down
                }
                reactor.metrics().registered();
            } else {
                int ops;
                try {
                    ops = key.interestOps();
                    if ((ops & op) == op) {
                        return true; // steady state: no epoll_ctl, no wake-up
                    }
                    key.interestOps(ops | op);
                } catch (CancelledKeyException e) {
                    wakers[dir] = null;
                    throw new AsynchronousCloseException();
                }
                reactor.metrics().interestUpdated();
            }
            r = reactor;
        }
        r.interestChanged();
        return true;
    }

    /** Forgets the waiter in {@code dir} (cancel, or done early); the interest stays. */
    public synchronized void disarm(int dir) {
        wakers[dir] = null;
        reportsSinceWake[dir] = 0;
    }

    /**
     * The operation {@code op} finished for good: interest that a connected channel would keep
     * reporting (OP_CONNECT: the JDK reports no ready op for it after the connect, so the
     * selector would return at once forever) is removed.
     */
    synchronized void finished(int op) {
        if (op == SelectionKey.OP_CONNECT && key != null) {
            try {
                int ops = key.interestOps();
                if ((ops & op) != 0) {
                    key.interestOps(ops & ~op);
                    reactor.metrics().interestUpdated();
                }
            } catch (CancelledKeyException ignored) {
                // closed concurrently: the key is gone anyway
            }
        }
    }

    /**
     * The driving thread: the key is ready. Per direction: set the readiness bit and wake the
     * waiter; with no waiter and the bit already set (reported twice with nobody to consume it),
     * drop that direction's interest so a level-triggered selector stops returning it, unless
     * the operation woken earlier has not polled yet ({@link #wokenAndPending}).
     */
    @Override
    public void ready(SelectionKey k) {
        Waker in = null;
        Waker out = null;
        synchronized (this) {
            int ready;
            try {
                ready = k.readyOps();
            } catch (CancelledKeyException e) {
                ready = -1;
            }
            int bits = 0;
            int drop = 0;
            int cur = readiness();
            if ((ready & IN_OPS) != 0) {
                in = wakers[IN];
                wakers[IN] = null;
                if (in == null && isReady(cur, IN) && !wokenAndPending(IN)) {
                    drop |= IN_OPS;
                }
                bits |= 1 << IN;
                if (in != null) {
                    reportsSinceWake[IN] = 1;
                }
            }
            if ((ready & OUT_OPS) != 0) {
                out = wakers[OUT];
                wakers[OUT] = null;
                if (out == null && isReady(cur, OUT) && !wokenAndPending(OUT)) {
                    drop |= OUT_OPS;
                }
                bits |= 1 << OUT;
                if (out != null) {
                    reportsSinceWake[OUT] = 1;
                }
            }
            setReadiness(bits);
            if (drop != 0 && ready != -1) {
                try {
                    k.interestOps(k.interestOps() & ~drop);
                    reactor.metrics().interestUpdated();
                } catch (CancelledKeyException ignored) {
                    // closed concurrently
                }
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
     * Under the lock, a report of {@code dir} with no waiter: true (keep the interest, count the
     * report) while the operation woken by an earlier report has not polled again, fewer than
     * {@link #WOKEN_REPORTS} reports came since, and this select did not wait.
     */
    private boolean wokenAndPending(int dir) {
        int n = reportsSinceWake[dir];
        if (n == 0 || n >= WOKEN_REPORTS || !reactor.isPolling()) {
            return false;
        }
        reportsSinceWake[dir] = n + 1;
        return true;
    }

    /**
     * Closes the channel and wakes both waiters, whose next poll fails with
     * AsynchronousCloseException; the key is deregistered by the next select. Idempotent.
     */
    @Override
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
        // select does first: wake the driver only if it waits (unpark, not an unconditional
        // wakeup).
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
