package dev.weft.internal.scheduler;

import dev.weft.internal.context.RuntimeHandle;
import dev.weft.internal.context.WorkerThread;
import dev.weft.internal.jfr.WeftEvents;
import dev.weft.internal.metrics.WorkerCounters;
import dev.weft.internal.task.Task;
import java.util.concurrent.locks.LockSupport;

/**
 * One worker thread of the {@link WorkStealingScheduler}: its local ring, its LIFO slot, its
 * searching flag, and the loop that finds, runs, steals and parks.
 *
 * <p><b>Owner only.</b> Every plain field here ({@link #lifo}, {@link #current},
 * {@link #searching}, {@link #tick}, {@link #seed}) is read and written only by this thread;
 * other threads reach a worker only through its {@link #local} ring (stealing) and
 * {@link #notified} (unparking).
 *
 * <p>Loop (one tick): look for a task (every {@link #GLOBAL_QUEUE_INTERVAL}th tick the inject
 * queue first, else the ring, then the inject queue); if none, become a searcher and steal half
 * of another worker's ring (or take from the inject queue); if still none, park. Running a task
 * means: poll it with a fresh coop budget, then run what it put in the LIFO slot, at most
 * {@link #MAX_LIFO_POLLS} times in a row.
 */
final class Worker extends WorkerThread {

    /**
     * Ticks between forced looks at the inject queue (Tokio's and Go's 61: prime, so it does
     * not fall into step with periodic workloads). Without it, a worker whose tasks keep
     * re-scheduling each other locally would never see outside spawns and timer wakes.
     */
    static final int GLOBAL_QUEUE_INTERVAL = 61;

    /**
     * LIFO slot runs in a row. The slot makes request/response ping-pong cheap (the woken task
     * runs next, while its data is hot in cache), but two tasks waking each other through it
     * would starve the ring; after this many the slot's task goes to the back of the ring.
     */
    static final int MAX_LIFO_POLLS = 3;

    final WorkStealingScheduler scheduler;
    final int index;

    /** This worker's ring; pushed and popped by this thread, stolen from by others. */
    final RunQueue local = new RunQueue();

    /** The task most recently woken or spawned by this worker's task; runs next; not stealable. */
    private Task<?> lifo;

    /**
     * The task being polled; a schedule of it is a yield (back of the ring, never the LIFO slot).
     * The watchdog reads it too, racily, between two reads of {@link #counters}' poll sequence.
     */
    Task<?> current;

    /** What this worker did (polls, steals, parks, spawns, completions); written by this thread only. */
    final WorkerCounters counters = new WorkerCounters();

    /** Counted as searching in {@link Idle}. */
    private boolean searching;

    private int tick;

    /** Where a batch taken from the inject queue waits on its way to the ring; owner only. */
    private final Task<?>[] scratch = new Task<?>[RunQueue.CAPACITY / 2];

    /** xorshift state for the victim order. */
    private int seed;

    /**
     * True while this worker turns the reactor: what the turn wakes is queued in arrival order
     * ({@link #queueWoken}) instead of through the LIFO slot.
     */
    private boolean driving;

    /** Tasks the current reactor turn woke. */
    private int woken;

    /** Set by a notifier that took this worker out of the sleeper list; cleared by this thread. */
    volatile boolean notified;

    /** Children kept back in the fork stack at most; a spawn beyond it is queued at once. */
    static final int FORK_CAPACITY = 64;

    /** How many joins in place may nest on one worker's stack. */
    static final int MAX_INLINE_DEPTH = 16;

    /** How far below its top a join looks for its child in the fork stack. */
    static final int JOIN_WINDOW = 32;

    /**
     * The fork stack (lazy fork; owner only): children spawned by the poll running on this
     * worker, not yet in any run queue, each with its SCHEDULED bit held by this worker. A join
     * takes its child out and runs it in place ({@link #joinInPlace}); the end of the poll that
     * spawned them queues the rest ({@link #publishForks}); a hungry thief gets the oldest half
     * ({@link #shareForks}). Slots {@code [0, forkCount)}; a taken slot is null; the slots from
     * {@link #forkBase} up belong to the innermost poll.
     */
    private final Task<?>[] forks = new Task<?>[FORK_CAPACITY];

    private int forkCount;

    private int forkBase;

    /** Joins in place running on this stack now. */
    private int inlineDepth;

    /**
     * Set by a searching worker that found nothing to steal: this worker then hands the oldest
     * half of its fork stack to its ring at its next spawn or join. A hint only: whatever a
     * poll keeps back is queued when it ends anyway.
     */
    volatile boolean hungry;

    Worker(WorkStealingScheduler scheduler, int index, String name) {
        super(name);
        this.scheduler = scheduler;
        this.index = index;
        this.seed = 0x9E3779B9 * (index + 1);
        setDaemon(true);
    }

    @Override
    public void run() {
        RuntimeHandle.CURRENT.set(scheduler);
        try {
            loop();
        } finally {
            RuntimeHandle.CURRENT.remove();
        }
    }

    private void loop() {
        for (; ; ) {
            tick++;
            Task<?> t = nextTask();
            if (t == null) {
                t = stealWork();
            }
            if (t != null) {
                runTask(t);
                continue;
            }
            if (scheduler.closed) {
                // shutdown: leave once nothing is left here; others drain their own rings.
                Task<?> late = scheduler.inject.pop();
                if (late != null) {
                    runTask(late);
                    continue;
                }
                if (local.isEmpty()) {
                    return;
                }
                continue;
            }
            park();
        }
    }

    private Task<?> nextTask() {
        InjectQueue inject = scheduler.inject;
        if (tick % GLOBAL_QUEUE_INTERVAL == 0) {
            if (scheduler.workersDrive) {
                pollReactor();
            }
            Task<?> t = inject.pop();
            if (t != null) {
                return t;
            }
        }
        Task<?> t = local.pop();
        if (t != null) {
            return t;
        }
        return inject.popInto(local, injectBatch(), scratch, inject);
    }

    /** How many inject tasks to move to the ring at once: a fair share, at most half a ring. */
    private int injectBatch() {
        return Math.min(scheduler.inject.size() / scheduler.workers.length, RunQueue.CAPACITY / 2);
    }

    /** Becomes a searcher (if allowed) and steals half of another worker's ring. */
    private Task<?> stealWork() {
        if (!searching) {
            if (!scheduler.idle.transitionWorkerToSearching()) {
                return null;
            }
            searching = true;
        }
        Worker[] all = scheduler.workers;
        int n = all.length;
        int start = Math.floorMod(nextRandom(), n);
        for (int i = 0; i < n; i++) {
            Worker victim = all[(start + i) % n];
            if (victim == this) {
                continue;
            }
            Task<?> t = victim.local.stealInto(local);
            if (t != null) {
                counters.countSteal();
                return t;
            }
        }
        for (Worker w : all) {
            if (w != this && !w.hungry) {
                w.hungry = true; // work they keep back is shared at their next spawn or join
            }
        }
        return scheduler.inject.popInto(local, injectBatch(), scratch, scheduler.inject);
    }

    private int nextRandom() {
        int x = seed;
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        seed = x;
        return x;
    }

    private void runTask(Task<?> t) {
        if (searching) {
            searching = false;
            if (scheduler.idle.transitionWorkerFromSearching()) {
                // the last searcher found work: where there was some there may be more.
                scheduler.notifyParked();
            }
        }
        runOne(t);
        for (int polls = 0; lifo != null; polls++) {
            Task<?> next = lifo;
            lifo = null;
            if (polls >= MAX_LIFO_POLLS) {
                local.pushBack(next, scheduler.inject);
                scheduler.notifyParked();
                return;
            }
            runOne(next);
        }
    }

    private void runOne(Task<?> t) {
        resetBudget(t);
        current = t;
        counters.pollStarted(); // ordering: after current, see the watchdog's read
        try {
            AbstractScheduler.runGuarded(t);
        } finally {
            publishForks(); // backstop: nothing kept back outlives the poll (Task.run did it)
            counters.pollEnded();
            current = null;
            clearBudget();
        }
    }

    /**
     * Lazy fork: a child spawned by the task this worker polls waits in the fork stack instead
     * of a run queue, so that the join that usually follows can run it in place. Its SCHEDULED
     * bit (held by the spawner) is held here; exactly one place holds it, as with a queue. It is
     * not listed yet (see {@link AbstractScheduler#keepBack}). False: queue it as before.
     */
    boolean keep(Task<?> task) {
        if (current == null || driving || forkCount == FORK_CAPACITY) {
            return false;
        }
        forks[forkCount++] = task;
        if (hungry) {
            shareForks();
        }
        return true;
    }

    /**
     * Join in place: {@code task} is awaited by the task this worker polls ({@code awaiter}'s
     * waker); if it waits in the fork stack, it leaves it and is run now, on this stack, sharing
     * the rest of the poll's coop budget (fork/join's {@code tryRemoveAndExec}). Taking it out of
     * the stack, which only this thread touches, is what gives this thread its SCHEDULED bit:
     * no other copy of it is in any queue, so {@link Task#run} polls it exactly once. False
     * (the caller suspends as before) when the task is not there or joins nest too deep.
     */
    boolean joinInPlace(Task<?> task, dev.weft.Context awaiter) {
        Task<?> parent = current;
        if (parent == null || awaiter.waker() != parent || inlineDepth >= MAX_INLINE_DEPTH) {
            return false;
        }
        int lo = Math.max(0, forkCount - JOIN_WINDOW);
        for (int i = forkCount - 1; i >= lo; i--) {
            if (forks[i] == task) {
                forks[i] = null;
                trimForks();
                if (hungry) {
                    shareForks(); // before a long inline run: an idle worker is waiting
                }
                runInPlace(task, parent);
                return true;
            }
        }
        return false;
    }

    private void runInPlace(Task<?> task, Task<?> parent) {
        int base = forkBase;
        forkBase = forkCount;
        current = task;
        // a poll of its own in the metrics, and a new one for the watchdog (after current, as
        // in runOne): the sequence steps by two and stays odd
        counters.pollEnded();
        counters.pollStarted();
        inlineDepth++;
        Object owner = lendBudget(task);
        try {
            AbstractScheduler.runGuarded(task);
        } finally {
            lendBudget(owner);
            inlineDepth--;
            publishForks(); // backstop, as in runOne
            current = parent;
            forkBase = base;
        }
    }

    /**
     * End of a poll on this worker: the children it kept back and nobody joined go to the run
     * queues in spawn order, exactly as an eager spawn would have queued them (the last one in
     * the LIFO slot).
     */
    void publishForks() {
        int base = forkBase;
        int n = forkCount;
        if (n == base) {
            return;
        }
        forkCount = base;
        for (int i = base; i < n; i++) {
            Task<?> t = forks[i];
            if (t != null) {
                forks[i] = null;
                scheduler.adopt(t);
                scheduleLocal(t);
            }
        }
    }

    /** A thief is hungry: the oldest half of the fork stack (at least one) goes to the ring. */
    private void shareForks() {
        hungry = false;
        int live = 0;
        for (int i = 0; i < forkCount; i++) {
            if (forks[i] != null) {
                live++;
            }
        }
        int share = live - live / 2;
        if (share == 0) {
            return;
        }
        for (int i = 0; i < forkCount && share > 0; i++) {
            Task<?> t = forks[i];
            if (t != null) {
                forks[i] = null;
                scheduler.adopt(t);
                local.pushBack(t, scheduler.inject);
                share--;
            }
        }
        trimForks();
        scheduler.notifyParked();
    }

    /** Drops taken slots from the top of the innermost poll's part of the stack. */
    private void trimForks() {
        while (forkCount > forkBase && forks[forkCount - 1] == null) {
            forkCount--;
        }
    }

    /**
     * Owner only (called by {@link WorkStealingScheduler#schedule} on this thread). A yield or
     * a spent budget (the running task re-schedules itself) goes to the back of the ring, so
     * everything already queued runs first; any other task takes the LIFO slot, and the one it
     * displaces goes to the ring, where thieves can see it (hence the notify).
     */
    void scheduleLocal(Task<?> task) {
        if (driving) {
            queueWoken(task);
            return;
        }
        if (task == current) {
            local.pushBack(task, scheduler.inject);
            scheduler.notifyParked();
            return;
        }
        Task<?> prev = lifo;
        lifo = task;
        if (prev != null) {
            local.pushBack(prev, scheduler.inject);
            scheduler.notifyParked();
        }
    }

    /**
     * Worker mode, every {@link #GLOBAL_QUEUE_INTERVAL}th tick (Tokio's maintenance): if no idle
     * worker drives the reactor, poll it without blocking, so busy workers still see I/O and
     * timers. What it wakes queues behind what is already waiting ({@link #queueWoken}).
     */
    private void pollReactor() {
        if (scheduler.reactor.owner() == null) {
            turn(0);
        }
    }

    private static final java.util.function.BooleanSupplier NEVER = () -> false;

    /**
     * One reactor turn by this worker (a poll when {@code maxNanos} is 0, else a wait until an
     * event, a timer or {@link #wakeCondition}); false when another thread holds the token.
     */
    private boolean turn(long maxNanos) {
        woken = 0;
        driving = true;
        boolean drove;
        try {
            drove = scheduler.reactor.drive(maxNanos, maxNanos == 0 ? NEVER : wakeCondition);
        } finally {
            driving = false;
        }
        if (woken > 0) {
            // the tasks are visible (ring tail, inject queue): idle protocol step 1.
            scheduler.notifyParked();
        }
        return drove;
    }

    /**
     * A wake during this worker's reactor turn. A turn at 1,000 connections wakes hundreds of
     * tasks; each joins the back of the line (the ring, or the inject queue once the ring is
     * full or the inject queue already holds older work), so ready connections are served in
     * the order the selector reported them. Through the LIFO slot the ring would overflow and
     * move its OLDEST half to the inject queue, behind every later wake: measured as a doubled
     * p99 at 1,000 echo connections (docs/design.md, "A reactor turn's wakes are served in wake
     * order").
     */
    private void queueWoken(Task<?> task) {
        woken++;
        InjectQueue inject = scheduler.inject;
        if (!inject.isEmpty() || !local.offer(task)) {
            inject.push(task);
        }
    }

    /** Worker mode: this worker's wait condition, checked by the reactor after it marks itself parked. */
    private final java.util.function.BooleanSupplier wakeCondition = this::shouldWake;

    /** Also true once the turn has woken a task: it must run, not wait behind the select. */
    private boolean shouldWake() {
        return notified || woken > 0 || scheduler.closed;
    }

    /**
     * Parks until notified (or shutdown); see {@link Idle}'s protocol, step 2. In worker mode the
     * first idle worker to take the reactor's token waits in the reactor instead (select with the
     * next timer's timeout); what its turn wakes is scheduled on this worker, which then leaves
     * the sleeper list and runs it.
     */
    private void park() {
        counters.countPark();
        Object parkEvent = WeftEvents.parkStarted();
        try {
            waitForWork();
        } finally {
            WeftEvents.parkEnded(parkEvent);
        }
    }

    private void waitForWork() {
        boolean last = scheduler.idle.transitionWorkerToParked(index, searching);
        searching = false;
        if (last && scheduler.workPending()) {
            scheduler.notifyParked(); // may pick this very worker: then the loop below exits at
            // once.
        }
        if (scheduler.virtual != null) {
            // after the re-check: until here this worker may still hand work on. The exit to 0
            // unparks the driver, which may now jump the clock.
            scheduler.virtual.exit();
        }
        while (!notified) {
            if (scheduler.closed) {
                if (!scheduler.idle.removeSleeper(index)) {
                    // a notifier took us out of the list first and counted us as searching.
                    notified = false;
                    searching = true;
                } else if (scheduler.virtual != null) {
                    scheduler.virtual.enter();
                }
                return;
            }
            if (scheduler.workersDrive) {
                if (turn(Long.MAX_VALUE)) {
                    if (!notified && !local.isEmpty() && scheduler.idle.removeSleeper(index)) {
                        if (scheduler.virtual != null) {
                            scheduler.virtual.enter();
                        }
                        return; // own work from the turn: unparked, not searching
                    }
                    // else notified, nothing woken here, or a notifier is about to set notified
                    Thread.interrupted();
                    continue;
                }
                if (!scheduler.reactor.isParked() && scheduler.reactor.owner() != null) {
                    // a busy worker's quick poll holds the token: wait for it rather than leave
                    // the reactor undriven while this worker sleeps
                    Thread.yield();
                    continue;
                }
            }
            LockSupport.park(this);
            Thread.interrupted(); // a user's interrupt means nothing to a worker; don't spin on it.
        }
        notified = false;
        searching = true; // the notifier counted this worker as searching.
    }

    /** Tasks this worker holds (ring + LIFO slot); exact only once the worker has stopped. */
    int queued() {
        int kept = 0;
        for (int i = 0; i < forkCount; i++) {
            kept += forks[i] != null ? 1 : 0;
        }
        return Math.max(0, local.size()) + (lifo != null ? 1 : 0) + kept;
    }
}
