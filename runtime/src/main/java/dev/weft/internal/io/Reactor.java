package dev.weft.internal.io;

import dev.weft.Context;
import dev.weft.internal.context.RuntimeHandle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

/**
 * One NIO {@link Selector} and the dedicated thread that selects on it. Registrations are
 * {@link IoSource}s (the key's attachment); a ready key has its ready operations removed from
 * its interest set (one-shot) and the wakers waiting for them woken, outside any lock.
 *
 * <p>Why a dedicated thread: it is the simplest integration that works for both executors and
 * for futures polled outside any runtime; selecting on an idle worker (Tokio's way) is not
 * measured yet. The timer wheel still has its own driving thread (see internal.time).
 *
 * <p>Wakeups: {@link #wakeup()} calls {@code selector.wakeup()} only while the reactor is (about
 * to be) inside select: an interest change made before the reactor sets {@link #selecting} is
 * picked up by the select that follows, which processes pending interest updates first.
 */
public final class Reactor implements AutoCloseable {

    private final Selector selector;
    private final Thread thread;
    private volatile boolean selecting;

    /** Channels ever registered (tests and measurements). */
    private final java.util.concurrent.atomic.LongAdder registrations = new java.util.concurrent.atomic.LongAdder();
    private volatile boolean closed;

    public Reactor(String threadName) {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the reactor's selector", e);
        }
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** The reactor of the polling context's runtime, or the shared fallback outside any. */
    public static Reactor of(Context cx) {
        RuntimeHandle rt = cx.runtime();
        return rt != null ? rt.reactor() : Fallback.INSTANCE;
    }

    /** The reactor of the current thread's runtime, or the shared fallback. */
    public static Reactor current() {
        RuntimeHandle rt = RuntimeHandle.current();
        return rt != null ? rt.reactor() : Fallback.INSTANCE;
    }

    /** The shared daemon reactor for futures polled outside any runtime. */
    public static Reactor fallback() {
        return Fallback.INSTANCE;
    }

    Selector selector() {
        return selector;
    }

    boolean isReactorThread() {
        return Thread.currentThread() == thread;
    }

    /** Makes a blocked select return so it sees new interest or cancelled keys. */
    void wakeup() {
        if (selecting && !isReactorThread()) {
            selector.wakeup();
        }
    }

    /** Internal (tests): registered keys, cancelled ones included until the next select. */
    public int keyCount() {
        return selector.keys().size();
    }

    /** Internal (tests): how many channels have registered with this selector so far. */
    public long registrations() {
        return registrations.sum();
    }

    void registered() {
        registrations.increment();
    }

    /** Internal (tests): forces a select round so cancelled keys are deregistered. */
    public void flush() {
        selector.wakeup();
    }

    private void run() {
        try {
            while (!closed) {
                selecting = true;
                try {
                    selector.select(Reactor::dispatch);
                } finally {
                    selecting = false;
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                System.err.println("[weft] reactor thread " + thread.getName() + " failed: " + e);
            }
        } finally {
            closeAll();
        }
    }

    private static void dispatch(SelectionKey key) {
        Object a = key.attachment();
        if (a instanceof IoSource) {
            ((IoSource) a).ready(key);
        }
    }

    /** Runtime shutdown: stops the thread, closes every registered channel (failing waiters). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        selector.wakeup();
        if (!isReactorThread()) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void closeAll() {
        try {
            for (SelectionKey k : selector.keys()) {
                Object a = k.attachment();
                if (a instanceof IoSource) {
                    ((IoSource) a).close();
                }
            }
        } catch (RuntimeException ignored) {
            // keys() of a selector being closed concurrently: nothing left to release
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // nothing to do on shutdown
        }
    }

    private static final class Fallback {
        static final Reactor INSTANCE = new Reactor("weft-reactor-fallback");
    }
}
