package dev.weft.internal.time;

import dev.weft.internal.metrics.DriverMetrics;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * The timer half of a runtime's reactor: a {@link TimerWheel} behind a lock, read against an
 * injectable {@link Clock}. Leaf futures register from any polling thread; the thread driving the
 * runtime's {@code internal.driver.Reactor} fires expired entries and waits (in select, or parked)
 * until the next expiration.
 *
 * <p>Protocol between registering threads and the driving thread (no missed earlier deadline):
 * <ol>
 *   <li>the driver, under the lock, advances the wheel and records in {@link #parkedUntil} the
 *       tick it is about to park until;
 *   <li>a registration, under the lock, compares its deadline with {@link #parkedUntil}; when
 *       earlier it lowers it and, after unlocking, runs {@link #onEarlierDeadline} (an unpark);
 *   <li>an unpark that comes before the park only makes the park return at once (LockSupport's
 *       permit), so the driver re-computes its timeout.
 * </ol>
 * Expired entries are woken outside the lock: a waker may run user code (eager coroutines run on
 * the waking thread) that registers timers again.
 *
 * <p>Ticks are whole milliseconds since the driver's creation. Deadlines round up and the wheel
 * fires at ticks it has reached, so a timer never fires early.
 *
 * <p>Virtual time ({@link VirtualClock}): the driving thread never waits for a deadline in real
 * time; while the runtime is quiescent it {@linkplain #advanceIfQuiescent jumps} the clock to
 * the wheel's next expiration and fires what is due there. Entries due at the same tick are
 * woken in the order they were armed ({@link #armOrder}; the wheel's slot lists do not keep it).
 *
 * <p>Deferred arming (real time only, delays of at least {@link #DEFER_MIN_NANOS}, armed outside
 * a worker's timer batch): while the driving thread is reading the clock every tick, an arm
 * reads no clock. The entry waits, with its delay, in {@link #deferred} (linked under the lock,
 * O(1) to cancel), and gets a deadline counted from the driving thread's next reading, taken
 * under the lock after the entry was linked: so at or after the arm, never early (TimerBatch's
 * argument, with the driver's reading instead of the poll's end). Protocol:
 * <ol>
 *   <li>an arm, under the lock, counts itself in {@link #longArms}; if the driving thread will
 *       read the clock within a tick of the wheel's last reading ({@link #parkedUntil} at most
 *       {@code elapsed + 1}), it links the entry into {@link #deferred} and is done;
 *   <li>otherwise it reads the clock and arms directly, as a short timer does; the
 *       {@link #TICK_AFTER_ARMS}th such arm since the driving thread's last reading also lowers
 *       parkedUntil to {@code elapsed + 1} and unparks it (one unpark, a few microseconds, in
 *       place of that many clock reads);
 *   <li>each {@link #fireExpired} reads the clock, places every deferred entry from that reading
 *       and, if a long timer was armed since the previous one, waits at most one tick: while
 *       long timers keep being armed, the driving thread keeps reading every tick and step 1
 *       applies; a tick without one ends it;
 *   <li>a cancel of a deferred entry unlinks it under the lock: it never reaches the wheel.
 * </ol>
 * The price is lateness: the deadline counts from a reading up to about one tick after the arm,
 * under 1% of such a delay (typically a timeout, usually cancelled before it fires). Arming
 * later timers still wakes nobody until the {@code TICK_AFTER_ARMS}th.
 */
public final class TimerDriver {

    private static final long NANOS_PER_TICK = 1_000_000L;

    /** Registrations farther than this are capped (about 146 years; avoids overflow). */
    private static final long MAX_DELAY_NANOS = Long.MAX_VALUE / 2;

    /**
     * The shortest delay whose arming is deferred: 128 ticks, so the up to one tick it may add
     * is under 1% of the delay (typically a timeout, usually cancelled before it fires).
     */
    static final long DEFER_MIN_NANOS = 128 * NANOS_PER_TICK;

    /**
     * Direct long arms since the driving thread's last reading after which one unparks it to
     * start it reading every tick: an unpark costs about what this many clock reads do.
     */
    static final int TICK_AFTER_ARMS = 128;

    /** {@link TimerEntry#index} of an entry in {@link #deferred}. */
    static final short DEFERRED = -3;

    /** Whether arms of {@link #DEFER_MIN_NANOS} and more are deferred (real time). */
    private final boolean deferLong;

    /** Sentinel of the circular list of deferred entries (deadline field: the delay); guarded by this. */
    private final TimerEntry deferred = new TimerEntry();

    /** Entries in {@link #deferred}; guarded by this. */
    private int deferredCount;

    /** Long timers armed (deferred or not) since the last {@link #fireExpired}; guarded by this. */
    private int longArms;

    private final Clock clock;

    /** Clock reading of tick 0. */
    private final long origin;

    /** Guarded by {@code this}. */
    private final TimerWheel wheel;

    /** Wakes the driving thread when a registration precedes its park deadline. */
    private final Runnable onEarlierDeadline;

    /** The tick the driving thread parks until; guarded by {@code this}. */
    private long parkedUntil = Long.MAX_VALUE;

    /** The clock when it is virtual, else null (a real-time driver pays one null check per operation). */
    private final VirtualClock virtual;

    /** Virtual time only (else null): each armed entry's arming sequence number; guarded by {@code this}. */
    private final IdentityHashMap<TimerEntry, Long> armOrder;

    /** The next arming sequence number (virtual time); guarded by {@code this}. */
    private long armed;

    /**
     * The thread running {@link #fireExpired}'s wakes, else null: lets a scheduler tell a timer
     * wake from any other. Written by that thread only; a racy read by another thread can never
     * see itself (only it writes itself, and it clears it before leaving), so no fence is needed.
     */
    private Thread firing;

    public TimerDriver(Clock clock, Runnable onEarlierDeadline) {
        this(clock, onEarlierDeadline, new DriverMetrics());
    }

    /** A driver whose wheel records its work in {@code metrics} (its reactor's). */
    public TimerDriver(Clock clock, Runnable onEarlierDeadline, DriverMetrics metrics) {
        this(clock, onEarlierDeadline, metrics, clock == Clock.SYSTEM);
    }

    /** Tests: {@code deferLong} defers long arms on any clock but a virtual one. */
    TimerDriver(Clock clock, Runnable onEarlierDeadline, DriverMetrics metrics, boolean deferLong) {
        this.deferLong = deferLong && !(clock instanceof VirtualClock);
        deferred.next = deferred;
        deferred.prev = deferred;
        this.wheel = new TimerWheel(metrics);
        this.clock = clock;
        this.origin = clock.nanoTime();
        this.onEarlierDeadline = onEarlierDeadline;
        this.virtual = clock instanceof VirtualClock ? (VirtualClock) clock : null;
        this.armOrder = virtual != null ? new IdentityHashMap<>() : null;
    }

    /** The virtual clock this driver runs on, or null when it runs on real time. */
    public VirtualClock virtualClock() {
        return virtual;
    }

    /** The clock's current reading (Async.nanoTime): what this driver's deadlines are measured in. */
    public long nanoTime() {
        return clock.nanoTime();
    }

    /** The current tick by the clock. */
    public long nowTick() {
        return (clock.nanoTime() - origin) / NANOS_PER_TICK;
    }

    /** The tick at or after {@code nowNanos + delayNanos} (clamped): never early. */
    private static long deadlineTick(long nowNanos, long delayNanos) {
        long delay = Math.min(Math.max(delayNanos, 0), MAX_DELAY_NANOS);
        return (nowNanos + delay + NANOS_PER_TICK - 1) / NANOS_PER_TICK;
    }

    /**
     * Arms {@code entry} to expire {@code delayNanos} from now (rounded up to a whole tick).
     *
     * @return false when the deadline has already passed (the entry is not armed)
     */
    public boolean register(TimerEntry entry, long delayNanos) {
        if (deferLong && delayNanos >= DEFER_MIN_NANOS) {
            return registerLong(entry, Math.min(delayNanos, MAX_DELAY_NANOS));
        }
        long deadline = deadlineTick(clock.nanoTime() - origin, delayNanos);
        boolean unpark;
        synchronized (this) {
            if (!wheel.insert(entry, deadline)) {
                return false;
            }
            if (armOrder != null) {
                armOrder.put(entry, armed++);
            }
            unpark = deadline < parkedUntil;
            if (unpark) {
                parkedUntil = deadline;
            }
        }
        if (unpark) {
            onEarlierDeadline.run();
        }
        return true;
    }

    /** Steps 1 and 2 of deferred arming (see the class comment). */
    private boolean registerLong(TimerEntry e, long delayNanos) {
        if (e.index != -1) {
            throw new IllegalStateException("timer entry already armed");
        }
        boolean unpark;
        synchronized (this) {
            longArms++;
            long soon = wheel.elapsed() + 1;
            if (parkedUntil <= soon) {
                e.deadline = delayNanos;
                e.index = DEFERRED;
                TimerEntry last = deferred.prev;
                e.prev = last;
                e.next = deferred;
                last.next = e;
                deferred.prev = e;
                deferredCount++;
                return true;
            }
            long deadline = deadlineTick(clock.nanoTime() - origin, delayNanos);
            if (!wheel.insert(e, deadline)) {
                return false;
            }
            long by = longArms >= TICK_AFTER_ARMS ? Math.min(deadline, soon) : deadline;
            unpark = by < parkedUntil;
            if (unpark) {
                parkedUntil = by;
            }
        }
        if (unpark) {
            onEarlierDeadline.run();
        }
        return true;
    }

    /**
     * Deferred arming, step 3: places every deferred entry from {@code now} (a reading taken
     * under the lock, after each was linked); under the lock.
     */
    private void placeDeferred(long now) {
        for (TimerEntry e = deferred.next; e != deferred; ) {
            TimerEntry n = e.next;
            e.prev = null;
            e.next = null;
            e.index = -1;
            // never refused: now >= elapsed ticks and the delay is positive
            wheel.insert(e, deadlineTick(now, e.deadline));
            e = n;
        }
        deferred.next = deferred;
        deferred.prev = deferred;
        deferredCount = 0;
    }

    /**
     * Arms the entries of {@code batch}'s circular list (sentinel {@code head}, each deadline
     * field holding a delay in nanoseconds) from one clock reading, taken inside the lock, so at
     * or after each entry was offered; leaves the list empty.
     */
    void registerAll(TimerEntry head) {
        TimerEntry refused = null;
        boolean unpark;
        synchronized (this) {
            long now = clock.nanoTime() - origin;
            long earliest = Long.MAX_VALUE;
            for (TimerEntry e = head.next; e != head; ) {
                TimerEntry n = e.next;
                e.prev = null;
                e.next = null;
                e.index = -1;
                long deadline = deadlineTick(now, e.deadline);
                if (wheel.insert(e, deadline)) {
                    earliest = Math.min(earliest, deadline);
                    if (armOrder != null) {
                        armOrder.put(e, armed++);
                    }
                } else {
                    e.next =
                            refused; // due already (a zero delay): fired below, as register reports
                    refused = e;
                }
                e = n;
            }
            head.next = head;
            head.prev = head;
            unpark = earliest < parkedUntil;
            if (unpark) {
                parkedUntil = earliest;
            }
        }
        if (unpark) {
            onEarlierDeadline.run();
        }
        while (refused != null) {
            TimerEntry n = refused.next;
            refused.next = null;
            refused.expire();
            refused = n;
        }
    }

    /** Disarms {@code entry} if armed; O(1). A concurrent expiry may still wake it once. */
    public void cancel(TimerEntry entry) {
        if (entry.index == TimerBatch.PENDING) {
            TimerBatch.unlink(entry); // still in its batch: only the arming thread sees it
            return;
        }
        synchronized (this) {
            if (entry.index == DEFERRED) {
                entry.prev.next = entry.next; // deferred arming, step 4
                entry.next.prev = entry.prev;
                entry.prev = null;
                entry.next = null;
                entry.index = -1;
                deferredCount--;
                return;
            }
            wheel.remove(entry);
            if (armOrder != null) {
                armOrder.remove(entry);
            }
        }
    }

    /**
     * Fires every expired entry, then returns the nanoseconds until the next expiration
     * ({@code Long.MAX_VALUE} when none); the caller (the driving thread) parks that long.
     */
    public long fireExpired() {
        TimerEntry fired;
        long next;
        synchronized (this) {
            long now = clock.nanoTime() - origin;
            if (deferredCount != 0) {
                placeDeferred(now);
            }
            fired = wheel.advance(now / NANOS_PER_TICK);
            next = wheel.nextExpiration();
            if (longArms != 0) {
                longArms = 0;
                next = Math.min(next, wheel.elapsed() + 1); // step 3: read again within a tick
            }
            parkedUntil = next;
            if (armOrder != null && fired != null) {
                fired = inArmingOrder(fired);
            }
        }
        if (fired != null) {
            firing = Thread.currentThread();
            try {
                while (fired != null) {
                    TimerEntry n = fired.next;
                    fired.next = null;
                    fired.expire();
                    fired = n;
                }
            } finally {
                firing = null;
            }
        }
        if (next == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, next * NANOS_PER_TICK + origin - clock.nanoTime());
    }

    /**
     * Virtual time: if the runtime is quiescent, moves the clock to the wheel's next expiration
     * (a lower bound on the earliest deadline: a higher-level slot only cascades, and the next
     * jump goes on from there) so that the caller's next {@link #fireExpired} fires it.
     *
     * @return false when the clock did not move (real time, runtime busy, or no timer armed)
     */
    public boolean advanceIfQuiescent() {
        VirtualClock v = virtual;
        return v != null && v.jumpIfQuiescent(this::nextExpirationNanos);
    }

    /**
     * The clock reading of the wheel's next expiration, {@code Long.MAX_VALUE} when none. Lock
     * order: VirtualClock's jump lock, then this (nobody calls VirtualClock.enter under this
     * lock: expired entries are woken outside it).
     */
    private synchronized long nextExpirationNanos() {
        long next = wheel.nextExpiration();
        return next == Long.MAX_VALUE ? Long.MAX_VALUE : origin + next * NANOS_PER_TICK;
    }

    /**
     * Virtual time: the expired chain re-linked by (deadline, arming order), each entry forgotten
     * by {@link #armOrder}; under the lock.
     */
    private TimerEntry inArmingOrder(TimerEntry fired) {
        List<TimerEntry> list = new ArrayList<>();
        for (TimerEntry e = fired; e != null; e = e.next) {
            list.add(e);
        }
        long[] seq = new long[list.size()];
        Integer[] order = new Integer[list.size()];
        for (int i = 0; i < seq.length; i++) {
            Long s = armOrder.remove(list.get(i));
            seq[i] = s != null ? s : Long.MAX_VALUE;
            order[i] = i;
        }
        java.util.Arrays.sort(
                order,
                (a, b) -> {
                    int c = Long.compare(list.get(a).deadline, list.get(b).deadline);
                    return c != 0 ? c : Long.compare(seq[a], seq[b]);
                });
        TimerEntry head = null;
        for (int i = order.length - 1; i >= 0; i--) {
            TimerEntry e = list.get(order[i]);
            e.next = head;
            head = e;
        }
        return head;
    }

    /**
     * Whether {@code t} is inside {@link #fireExpired} waking expired entries: a schedule made
     * by {@code t} now is a timer wake (or a consequence of one run inline by its waker).
     */
    public boolean isFiringOn(Thread t) {
        return firing == t;
    }

    /** Nanoseconds from now until {@code tick} (negative once past), on this driver's clock; any thread. */
    public long nanosUntil(long tick) {
        return tick * NANOS_PER_TICK + origin - clock.nanoTime();
    }

    /** Number of armed timers (tests, diagnostics). */
    public synchronized int armed() {
        return wheel.size() + deferredCount;
    }
}
