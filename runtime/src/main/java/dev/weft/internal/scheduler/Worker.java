package dev.weft.internal.scheduler;

import dev.weft.internal.context.RuntimeHandle;
import dev.weft.internal.context.WorkerThread;
import dev.weft.internal.jfr.WeftEvents;
import dev.weft.internal.metrics.WorkerCounters;
import dev.weft.internal.task.Task;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * One worker thread of the {@link WorkStealingScheduler}: its local ring, its LIFO slot, its
 * searching flag, and the loop that finds, runs, steals and parks.
 *
 * <p><b>Owner only.</b> Every plain field here ({@link #lifo}, {@link #current},
 * {@link #searching}, {@link #tick}, {@link #seed}) is read and written only by this thread;
 * other threads reach a worker only through its {@link #local} ring and its {@link #forks}
 * stack (stealing) and {@link #notified} (unparking).
 *
 * <p>Loop (one tick): look for a task (every {@link #GLOBAL_QUEUE_INTERVAL}th tick the inject
 * queue first; then the inject queue's timer lane, at most {@link #MAX_TIMER_WAKES} ticks in a
 * row; else the ring, then the inject queue); if none, become a searcher and steal half
 * of another worker's ring (or take from the inject queue, or steal one child another worker
 * keeps back); if still none, park. Running a task
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

    /**
     * Timer-lane tasks taken in a row ({@link #timerWake}); then one tick takes from the ring or
     * the inject queue as usual. The lane cannot outrun the polls that armed its timers, but a
     * burst of due timers must not hold up the ring for longer than it takes to drain: with the
     * bound, the ring keeps at least one tick in {@code MAX_TIMER_WAKES + 1}.
     */
    static final int MAX_TIMER_WAKES = 8;

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

    /** Of those, the ones queued in this worker's own ring. */
    private int wokenLocal;

    /**
     * True while this worker polls the reactor between two tasks of its own ({@link
     * #pollReactor}): what its timers wake goes to the timer lane, not behind the queued work.
     */
    private boolean busyTurn;

    /** Timer-lane tasks taken since the last tick that took something else. */
    private int timerRun;

    /** Maintenance polls in a row that fired timers only ({@link #pollReactor}). */
    private int ioSkips;

    /**
     * Maintenance polls in a row that may skip the selector while a backlog is queued: a busy
     * worker still sees new readiness at least every {@code (MAX_IO_SKIPS + 1) *
     * GLOBAL_QUEUE_INTERVAL} ticks, however long its queues stay.
     */
    static final int MAX_IO_SKIPS = 7;

    /** Set by a notifier that took this worker out of the sleeper list; cleared by this thread. */
    volatile boolean notified;

    /** How many joins in place may nest on one worker's stack. */
    static final int MAX_INLINE_DEPTH = 16;

    /** How far below its top a join looks for its child in the fork stack. */
    static final int JOIN_WINDOW = 32;

    /**
     * The fork stack (lazy fork): children spawned by the polls running on this worker, not yet
     * in any run queue, each with its SCHEDULED bit held by the stack. A join takes its child
     * out and runs it in place ({@link #joinInPlace}); the end of the poll that spawned them
     * queues the rest ({@link #publishForks}); a searching worker steals the oldest
     * ({@link #stealWork}).
     */
    final ForkStack forks = new ForkStack();

    /** Where the innermost poll's children start in {@link #forks}; owner only. */
    private int forkBase;

    /** Joins in place running on this stack now. */
    private int inlineDepth;

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
        Task<?> t = timerWake(inject);
        if (t != null) {
            return t;
        }
        t = local.pop();
        if (t != null) {
            return t;
        }
        return inject.popInto(local, injectBatch(), scratch, inject);
    }

    /**
     * A task of the timer lane, taken ahead of the ring at most {@link #MAX_TIMER_WAKES} times
     * in a row; null when the lane is empty or this tick is the ring's (docs/design.md, "Timer
     * wakes skip the queue").
     */
    private Task<?> timerWake(InjectQueue inject) {
        if (inject.hasTimerWakes() && timerRun < MAX_TIMER_WAKES) {
            Task<?> t = inject.popTimerWake();
            if (t != null) {
                timerRun++;
                return t;
            }
        }
        timerRun = 0;
        return null;
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
        Task<?> t = scheduler.inject.popInto(local, injectBatch(), scratch, scheduler.inject);
        if (t != null) {
            return t;
        }
        // last, the children other workers keep back for a join in place: each is the oldest of
        // its fork stack, the largest piece of work in a recursive fan-out
        for (int i = 0; i < n; i++) {
            Worker victim = all[(start + i) % n];
            if (victim == this) {
                continue;
            }
            t = victim.forks.steal();
            if (t != null) {
                counters.countSteal();
                scheduler.adopt(t); // kept back unlisted; the list refuses it once closed
                return t;
            }
        }
        return null;
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
                notifyIfMoreQueued();
                return;
            }
            runOne(next);
        }
    }

    /**
     * Idle protocol step 1 after this worker put a task at the back of its own ring that it
     * will take itself on its next tick (a LIFO run cut off by {@link #MAX_LIFO_POLLS}, a yield,
     * a spent budget): a sleeper is woken only when something else is queued here too, work it
     * can take without taking this one. A lone task there is typically one half of a
     * request/reply pair that this worker runs in turn; a woken sleeper could only steal it
     * from under its owner or find it gone and park again (issue 18: every second exchange, a
     * futex wake and a second core spinning). Tokio's {@code run_task} pushes the LIFO task back
     * without a notify too. No lost wake: this worker is running and empties its ring before
     * it parks.
     */
    private void notifyIfMoreQueued() {
        if (lifo != null || local.size() > 1) {
            scheduler.notifyParked();
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
        if (current == null || driving || !forks.push(task)) {
            return false;
        }
        // the child is stealable work now: idle protocol step 1, as for a push to the ring.
        if (scheduler.idle.allWorking()) {
            // nobody parked, nobody searching: a worker that runs dry later counts itself as
            // searching (a locked increment, after this read) and scans this stack a whole
            // search later. Not a happens-before edge: it relies on the push's store leaving
            // this core's store buffer within that search (nanoseconds against microseconds);
            // skipping the fence here is worth 6% of skynet's CPU
            return true;
        }
        // ordering: the fence orders the push before the read of the idle state, against a last
        // searcher's decrement and re-check (Dekker): it sees the child or this sees it parked.
        VarHandle.fullFence();
        scheduler.notifyParked();
        return true;
    }

    /**
     * Join in place: {@code task} is awaited by the task this worker polls ({@code awaiter}'s
     * waker); if it waits in the fork stack, it leaves it and is run now, on this stack, sharing
     * the rest of the poll's coop budget (fork/join's {@code tryRemoveAndExec}). Winning its
     * slot's CAS (against thieves) is what gives this thread its SCHEDULED bit: no other copy
     * of it is in any queue, so {@link Task#run} polls it exactly once. False (the caller
     * suspends as before) when the task is not there, a thief took it, or joins nest too deep.
     */
    boolean joinInPlace(Task<?> task, dev.weft.Context awaiter) {
        Task<?> parent = current;
        if (parent == null || awaiter.waker() != parent || inlineDepth >= MAX_INLINE_DEPTH) {
            return false;
        }
        if (!forks.take(task, JOIN_WINDOW, forkBase)) {
            return false;
        }
        runInPlace(task, parent);
        return true;
    }

    private void runInPlace(Task<?> task, Task<?> parent) {
        int base = forkBase;
        forkBase = forks.top();
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
        int n = forks.top();
        if (n == base) {
            return;
        }
        for (int i = base; i < n; i++) {
            Task<?> t = forks.takeAt(i); // null: joined or stolen
            if (t != null) {
                scheduler.adopt(t);
                scheduleLocal(t);
            }
        }
        forks.lower(base);
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
            notifyIfMoreQueued();
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
            busyTurn = true;
            try {
                if (ioSkips < MAX_IO_SKIPS && backlogged()) {
                    ioSkips++;
                    fireTimers();
                } else {
                    ioSkips = 0;
                    turn(0);
                }
            } finally {
                busyTurn = false;
            }
        }
    }

    /**
     * Whether this worker has at least an interval's worth of queued tasks (its ring and its
     * share of the inject queue): what a select would wake now queues behind them and runs no
     * sooner than if the next maintenance poll found it. Skipping the select then matters at
     * 1,000 connections: the queued tasks are mostly woken by earlier selects and have not read
     * yet, so the level-triggered selector reports every one of them again (an epoll_wait
     * returning hundreds of events, each dispatched for nothing): issue 18, point 5.
     */
    private boolean backlogged() {
        return local.size() + scheduler.inject.size() / scheduler.workers.length
                >= GLOBAL_QUEUE_INTERVAL;
    }

    /** A maintenance poll without the selector: due timers still fire on time. */
    private void fireTimers() {
        woken = 0;
        driving = true;
        try {
            scheduler.reactor.fireTimers();
        } finally {
            driving = false;
        }
        if (woken > 0) {
            scheduler.notifyParked();
        }
    }

    private static final java.util.function.BooleanSupplier NEVER = () -> false;

    /**
     * One reactor turn by this worker (a poll when {@code maxNanos} is 0, else a wait until an
     * event, a timer or {@link #wakeCondition}); false when another thread holds the token.
     */
    private boolean turn(long maxNanos) {
        woken = 0;
        wokenLocal = 0;
        driving = true;
        boolean drove;
        try {
            drove = scheduler.reactor.drive(maxNanos, maxNanos == 0 ? NEVER : wakeCondition);
        } finally {
            driving = false;
        }
        if (woken > 1
                || (woken == 1
                        && (wokenLocal == 0
                                || local.size() != 1
                                || lifo != null
                                || !scheduler.inject.isEmpty()
                                || scheduler.virtual != null))) {
            // the tasks are visible (ring tail, inject queue): idle protocol step 1. Except one
            // task woken into this worker's own ring, with nothing else queued here or in the
            // inject queue: this worker runs it next (Tokio's should_notify_others, for its idle
            // turns and its maintenance polls alike). Waking a sleeper for it cost a futex wake
            // and a context switch per message at 1 connection, the sleeper finding nothing, and
            // from a busy worker's poll (once in ~30 requests) the sleeper took the driver token
            // or the task, so that the connection moved between the workers (issue 18, point 5).
            // Virtual time keeps the notify: it counts the task's runner busy at once, so no
            // other driver sees the runtime quiescent and jumps the clock before the task runs
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
        if (busyTurn && scheduler.reactor.timers().isFiringOn(this)) {
            // a due timer found this worker busy: its task must not wait behind the queued work
            inject.pushTimerWake(task);
            return;
        }
        if (!inject.isEmpty() || !local.offer(task)) {
            inject.push(task);
        } else {
            wokenLocal++;
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
        return Math.max(0, local.size()) + (lifo != null ? 1 : 0) + forks.size();
    }
}
