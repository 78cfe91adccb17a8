package dev.weft.internal.driver;

import dev.weft.internal.metrics.DriverMetrics;
import dev.weft.internal.time.Clock;
import dev.weft.internal.time.TimerDriver;
import dev.weft.internal.time.VirtualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A runtime's driver: its timer wheel and its NIO {@link Selector}, turned by one thread at a
 * time (whoever holds the driver token). One {@link #drive} turn fires due timers, then waits
 * for readiness with the timeout of the next timer (select() with no timeout when none, selectNow
 * when one is due, a LockSupport park while no channel ever registered), dispatches ready keys
 * and fires the timers due by then.
 *
 * <p>Who drives: the runtime's own idle threads ({@link #drivenByCaller}; the workers of a
 * multi-threaded runtime by default, and the current-thread runtime's blockOn thread), or a
 * dedicated daemon thread ({@link #withThread}; multi-threaded runtimes under
 * {@code -Dweft.driver=thread}, and the shared fallback). The measurements behind the default
 * are in docs/design.md, "Who drives the reactor: an idle worker by default".
 *
 * <p>The selector is opened by the first channel that waits: a runtime that only sleeps never
 * pays for an epoll descriptor and its wake-up pipe.
 *
 * <p>Unpark protocol (no lost wake-up, no needless selector.wakeup()): the driver clears
 * {@link #unparkRequested}, computes its timeout, writes {@link #state} = PARKED and only then
 * reads {@code unparkRequested} and its caller's wake condition; an unparker writes its condition
 * (a queued task, a flag), then {@code unparkRequested}, then reads {@code state} and wakes the
 * selector (or unparks the owner) only when PARKED. All four are volatile, so one side sees the
 * other. Timers call {@link #unpark} only when a registration makes the earliest deadline earlier
 * (TimerDriver's parkedUntil), so arming a later timer costs no wake-up.
 *
 * <p>Virtual time ({@link VirtualClock}, {@code AsyncRuntime.Builder.virtualTime()}): a turn
 * never waits for a timer in real time. Where it would wait, and after the same unpark protocol
 * (so a party that makes the runtime quiescent and then unparks is never missed), it asks the
 * timers to {@linkplain TimerDriver#advanceIfQuiescent jump} to the next deadline; if they did,
 * it does not wait and fires them at the end of the turn; if not, it waits for an unpark. Sockets
 * are refused ({@link #selector()}): a task waiting for the network is idle, so the clock would
 * jump past every timeout before a packet could arrive.
 */
public final class Reactor implements AutoCloseable {

    /** Why a socket cannot wait on a virtual-time runtime (the choice, as the README writes it down). */
    static final String VIRTUAL_TIME_REFUSES_SOCKETS =
            "a runtime built with AsyncRuntime.builder().virtualTime()"
                    + " refuses sockets: its clock jumps to the next timer whenever every task is idle, and a task"
                    + " waiting for the network is idle, so every timeout would fire before a packet could arrive."
                    + " Test I/O on a real-time runtime, or give the code under test an in-memory transport"
                    + " (a dev.weft.sync.Channel) instead of a socket";

    /** Internal system property: who drives a multi-threaded runtime's reactor. */
    public static final String MODE_PROPERTY = "weft.driver";

    private static final int RUNNING = 0;
    private static final int PARKED = 1;

    private final TimerDriver timers;

    /** Opened by the first registration (guarded by this for the opening). */
    private volatile Selector selector;

    /** The driver token: the thread inside {@link #drive}, or null. */
    private final AtomicReference<Thread> owner = new AtomicReference<>();

    private volatile int state = RUNNING;

    /** Owner only: the select in progress does not wait (selectNow). */
    private boolean polling;

    private volatile boolean unparkRequested;

    /** The dedicated driving thread, or null when the runtime's own threads drive. */
    private final Thread thread;

    private volatile boolean closed;

    /** Set once the channels are closed and the selector released (guarded by this). */
    private boolean released;

    /** What this driver has done: wake-ups, registrations, interest changes, timer moves. */
    private final DriverMetrics metrics = new DriverMetrics();

    private final BooleanSupplier stopCondition = () -> closed;

    /** The timers run on a {@link VirtualClock}: no real-time waits, no sockets. */
    private final boolean virtualTime;

    private Reactor(String threadName, Clock clock) {
        this.timers = new TimerDriver(clock, this::unpark, metrics);
        VirtualClock virtual = timers.virtualClock();
        this.virtualTime = virtual != null;
        if (virtual != null) {
            virtual.onQuiescent(this::unpark);
        }
        if (threadName != null) {
            this.thread = new Thread(this::run, threadName);
            thread.setDaemon(true);
        } else {
            this.thread = null;
        }
    }

    /** A reactor driven by its own daemon thread, started here. */
    public static Reactor withThread(String threadName, Clock clock) {
        Reactor r = new Reactor(threadName, clock);
        r.thread.start();
        return r;
    }

    /** A reactor driven by the runtime's threads calling {@link #drive} when idle. */
    public static Reactor drivenByCaller(Clock clock) {
        return new Reactor(null, clock);
    }

    /**
     * True unless {@code -Dweft.driver=thread}: idle workers drive (the default; measured in
     * docs/design.md, "Who drives the reactor: an idle worker by default") instead of a
     * dedicated thread.
     */
    public static boolean workersDrive() {
        String m = System.getProperty(MODE_PROPERTY, "worker");
        switch (m) {
            case "thread":
                return false;
            case "worker":
                return true;
            default:
                throw new IllegalArgumentException(
                        "-D" + MODE_PROPERTY + " must be thread or worker, not " + m);
        }
    }

    /** The shared daemon reactor (thread-driven) for futures polled outside any runtime. */
    public static Reactor fallback() {
        return Fallback.INSTANCE;
    }

    public TimerDriver timers() {
        return timers;
    }

    /** This driver's counters (the runtime's metrics for its selector and timers). */
    public DriverMetrics metrics() {
        return metrics;
    }

    /** The dedicated thread, or null when callers drive. */
    public Thread thread() {
        return thread;
    }

    /** The selector, opened on first use; ClosedSelectorException once the reactor closed. */
    public Selector selector() {
        Selector s = selector;
        if (s != null) {
            return s;
        }
        synchronized (this) {
            if (closed) {
                throw new ClosedSelectorException();
            }
            if (virtualTime) {
                throw new IllegalStateException(VIRTUAL_TIME_REFUSES_SOCKETS);
            }
            s = selector;
            if (s == null) {
                try {
                    s = Selector.open();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot open the reactor's selector", e);
                }
                selector = s;
                metrics.selectorOpened(s);
            }
        }
        // a driver parked without a selector (LockSupport) must come back and select instead
        if (state == PARKED) {
            Thread o = owner.get();
            if (o != null) {
                LockSupport.unpark(o);
            }
        }
        return s;
    }

    /** Internal (tests): whether a selector has been opened. */
    public boolean hasSelector() {
        return selector != null;
    }

    /** Internal (scheduler, tests): the thread turning the driver now, or null. */
    public Thread owner() {
        return owner.get();
    }

    /** Internal (tests): true while the owner is blocked (or about to block) waiting. */
    public boolean isParked() {
        return state == PARKED;
    }

    /**
     * Makes the current or next wait of the driver return: after an interest change, a cancelled
     * key, an earlier timer, or work for the thread that drives. Cheap when nobody waits (two
     * volatile accesses).
     */
    public void unpark() {
        unparkRequested = true;
        if (state == PARKED) {
            metrics.wokeDriver();
            Selector s = selector;
            if (s != null) {
                s.wakeup();
            } else {
                Thread o = owner.get();
                if (o != null) {
                    LockSupport.unpark(o);
                }
            }
        }
    }

    /** An interest change: the select in progress would not see it (NIO applies it next select). */
    public void interestChanged() {
        if (owner.get() != Thread.currentThread()) {
            unpark();
        }
    }

    /**
     * One turn, if the token is free: fire due timers, wait up to {@code maxNanos} (0: poll;
     * {@code Long.MAX_VALUE}: until an event) or the next timer, dispatch readiness, fire timers.
     * The wait is skipped when {@code wakeCondition} holds once the driver is marked parked.
     *
     * @return false when another thread holds the token (nothing was done)
     */
    public boolean drive(long maxNanos, BooleanSupplier wakeCondition) {
        Thread me = Thread.currentThread();
        if (!owner.compareAndSet(null, me)) {
            return false;
        }
        try {
            if (closed) {
                return true;
            }
            unparkRequested = false;
            long wait = Math.min(timers.fireExpired(), maxNanos);
            if (virtualTime) {
                wait = maxNanos; // a virtual deadline is never waited for in real time: the clock
                // jumps to it
            }
            state = PARKED;
            try {
                if (wait > 0 && (unparkRequested || closed || wakeCondition.getAsBoolean())) {
                    wait = 0;
                } else if (virtualTime && wait > 0 && timers.advanceIfQuiescent()) {
                    wait = 0; // the clock jumped to the next deadline: fired below
                }
                Selector s = selector; // read after the PARKED write: see selector()
                polling = wait == 0;
                if (s != null) {
                    if (wait == 0) {
                        s.selectNow(Reactor::dispatch);
                    } else if (wait == Long.MAX_VALUE) {
                        s.select(Reactor::dispatch);
                    } else {
                        s.select(Reactor::dispatch, Math.max(1, (wait + 999_999) / 1_000_000));
                    }
                } else if (wait == Long.MAX_VALUE) {
                    LockSupport.park(this);
                } else if (wait > 0) {
                    LockSupport.parkNanos(this, wait);
                }
            } catch (ClosedSelectorException e) {
                // closed concurrently: the next check of closed ends the driving
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("[weft] reactor select failed: " + e);
                }
            } finally {
                state = RUNNING;
            }
            if (!closed) {
                timers.fireExpired();
            }
            return true;
        } finally {
            owner.set(null);
            if (closed) {
                release();
            }
        }
    }

    /**
     * The driving thread, while it dispatches readiness: whether this select did not wait (a
     * busy worker's poll, or a turn that had work already). A registration may then let a report
     * pass that a waiting select must act on: the selector returns at once on a level-triggered
     * report, so a waiting driver that ignored one would spin, while a poll is made once.
     */
    public boolean isPolling() {
        return polling && owner.get() == Thread.currentThread();
    }

    /**
     * Fires the due timers without selecting, if the token is free (a busy worker's maintenance
     * poll while it has a backlog queued: see Worker.pollReactor).
     *
     * @return false when another thread holds the token (nothing was done)
     */
    public boolean fireTimers() {
        Thread me = Thread.currentThread();
        if (!owner.compareAndSet(null, me)) {
            return false;
        }
        try {
            if (!closed) {
                timers.fireExpired();
            }
            return true;
        } finally {
            owner.set(null);
            if (closed) {
                release();
            }
        }
    }

    private static void dispatch(SelectionKey key) {
        Object a = key.attachment();
        if (a instanceof IoRegistration) {
            ((IoRegistration) a).ready(key);
        }
    }

    private void run() {
        while (!closed) {
            drive(Long.MAX_VALUE, stopCondition);
        }
        release();
    }

    /** Wakes the selector (if any) so cancelled keys are deregistered by the next select. */
    public void flush() {
        Selector s = selector;
        if (s != null) {
            s.wakeup();
        }
    }

    /**
     * Runtime shutdown: stops driving, closes every registered channel (failing their waiters)
     * and the selector; armed timers never fire. Whoever drives releases everything when its
     * turn ends; the dedicated thread is joined (bounded).
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        unpark();
        Thread me = Thread.currentThread();
        if (thread != null) {
            LockSupport.unpark(thread);
            if (me != thread) {
                try {
                    thread.join(2_000);
                } catch (InterruptedException e) {
                    me.interrupt();
                }
            }
            return;
        }
        // caller-driven: take the token (the owner's turn ends promptly: it was woken above)
        long end = System.nanoTime() + 2_000_000_000L;
        while (owner.get() != me) {
            if (owner.compareAndSet(null, me)) {
                try {
                    release();
                } finally {
                    owner.set(null);
                }
                return;
            }
            if (isReleased() || System.nanoTime() > end) {
                return;
            }
            unpark();
            LockSupport.parkNanos(100_000);
        }
        // closing from a waker run inside this thread's own turn: the turn's end releases
    }

    private synchronized boolean isReleased() {
        return released;
    }

    private void release() {
        Selector s;
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
            s = selector;
        }
        if (s == null) {
            return;
        }
        try {
            for (SelectionKey k : s.keys()) {
                Object a = k.attachment();
                if (a instanceof IoRegistration) {
                    ((IoRegistration) a).close();
                }
            }
        } catch (RuntimeException ignored) {
            // keys() of a selector being closed concurrently: nothing left to release
        }
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to do on shutdown
        }
    }

    private static final class Fallback {
        static final Reactor INSTANCE = withThread("weft-driver-fallback", Clock.SYSTEM);
    }
}
