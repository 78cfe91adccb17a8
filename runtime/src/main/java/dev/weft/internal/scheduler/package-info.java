/**
 * Executors behind {@code AsyncRuntime}, each a {@link dev.weft.internal.scheduler.Scheduler}
 * (spawn, schedule, blockOn, shutdown) and the runtime handle its threads are bound to.
 * Internal use only.
 *
 * <ul>
 *   <li>{@link dev.weft.internal.scheduler.CurrentThreadScheduler}
 *       ({@code AsyncRuntime.currentThread()}): one run queue, drained only by the thread inside
 *       {@code blockOn}, which also fires timers and parks until the next deadline or a wake.
 *   <li>{@link dev.weft.internal.scheduler.WorkStealingScheduler} ({@code AsyncRuntime.create()},
 *       {@code builder()}): the work-stealing scheduler described below, after Tokio's
 *       {@code runtime/scheduler/multi_thread} and kotlinx-coroutines' {@code CoroutineScheduler}.
 * </ul>
 *
 * <h2>Work-stealing scheduler</h2>
 *
 * <h3>Structure</h3>
 * <pre>
 *   foreign threads (blockOn, timer thread, user threads)
 *        | spawn / wake                              overflow (half a ring, one batch)
 *        v                                      +--------------------------------------+
 *   +-----------------+  every 61st tick, or    |                                      |
 *   |  InjectQueue    |  when the ring is empty |                                      |
 *   |  (intrusive,    |-----------+-------------+--------------+                       |
 *   |   one lock)     |           v                            v                       |
 *   +-----------------+   +---------------+  steal half   +---------------+            |
 *                         | Worker 0      |&lt;-------------| Worker 1      |------------+
 *                         |  LIFO slot    |               |  LIFO slot    |
 *                         |  RunQueue(256)|-------------&gt;|  RunQueue(256)|
 *                         +---------------+  steal half   +---------------+
 *                                 \______ Idle: parked list, #searching, #unparked ______/
 * </pre>
 * <ul>
 *   <li>{@link dev.weft.internal.scheduler.Worker}: a thread with a bounded ring
 *       ({@link dev.weft.internal.scheduler.RunQueue}), a LIFO slot and a fork stack
 *       ({@link dev.weft.internal.scheduler.ForkStack}). <b>Only the owner thread touches its
 *       LIFO slot, pushes to or pops from its ring, pushes to or joins from its fork stack, and
 *       reads its plain fields</b>; other threads only steal from the ring and the fork stack
 *       and unpark the worker.
 *   <li>{@link dev.weft.internal.scheduler.InjectQueue}: the global queue for work from
 *       non-worker threads and for ring overflow.
 *   <li>{@link dev.weft.internal.scheduler.Idle}: who sleeps, who searches.
 *   <li>{@link dev.weft.internal.scheduler.Watchdog}: a daemon thread that reads each worker's
 *       poll sequence ({@code internal.metrics.WorkerCounters}, odd while a poll runs) every
 *       threshold/2 and reports a poll that has run past the threshold, with a stack sample.
 *   <li>The reactor ({@code internal.driver.Reactor}: timers and selector), turned by an idle
 *       worker instead of parking (its wakes are then local; the default), or with
 *       {@code -Dweft.driver=thread} by its own thread, whose wakes are foreign wakes (inject
 *       queue); see internal.driver.
 * </ul>
 *
 * <h3>Scheduling policy</h3>
 * <ol>
 *   <li>A task woken or spawned <i>by a worker</i> goes to that worker's LIFO slot; the task it
 *       displaces goes to the back of the ring. So a task that wakes another hands it the
 *       thread at once (message passing, join handles: the woken task's data is hot in
 *       cache), as Tokio and Go do.
 *       The slot is not stealable and putting a task there wakes nobody (that is what makes the
 *       hand-off cheap); the price, as in Tokio, is that a task whose poll blocks its worker
 *       for long also holds up the task in its LIFO slot. Blocking work belongs in
 *       {@code spawnBlocking}.
 *   <li>A task <i>spawned by the task a worker polls</i> is first kept back in that worker's
 *       fork stack (lazy fork, issue 18): a join of it by that task runs it in place, on the
 *       joiner's stack ({@code Worker.joinInPlace}, fork/join's {@code tryRemoveAndExec}); what
 *       nobody joined goes to the LIFO slot and ring as above when the spawning poll ends.
 *       Meanwhile the children are stealable: a searching worker takes the oldest child of
 *       another worker's fork stack (see Stealing), so a poll that keeps children back and then
 *       runs long never hides them. A kept-back child is listed in the live tasks only when it
 *       leaves the fork stack or suspends.
 *   <li>The LIFO slot runs at most {@link dev.weft.internal.scheduler.Worker#MAX_LIFO_POLLS}
 *       (3) times in a row; then its task goes to the back of the ring. Two tasks waking each
 *       other cannot starve the ring.
 *   <li>A task that re-schedules itself (a yield, or a spent coop budget) goes to the back of
 *       the ring, never the LIFO slot: with tasks [1, 2, 3, 4] queued and 1 yielding, the
 *       worker runs 2, 3, 4, then 1 again.
 *   <li>A task woken by a worker's <i>reactor turn</i> (ready I/O, a due timer) joins the back
 *       of the line instead: the back of that worker's ring while it has room and the inject
 *       queue is empty, else the inject queue; once the turn ends, a parked worker is woken if
 *       nobody searches. Readiness is then served in the order the turn reported it. Through the
 *       LIFO slot, a turn waking more tasks than a ring holds (1,000 connections) made the ring
 *       overflow its oldest half into the inject queue, behind every later wake (WakeOrderTest).
 *       Except timer wakes of a turn a busy worker makes between two of its tasks, and timer
 *       wakes by the dedicated driver thread: they go to the inject queue's timer lane, which
 *       every worker takes first on each tick, at most
 *       {@link dev.weft.internal.scheduler.Worker#MAX_TIMER_WAKES} (8) times in a row (so a
 *       woken sleeper does not wait behind a spawn backlog, and the ring keeps one tick in nine;
 *       TimerLaneTest).
 *   <li>A task woken or spawned by <i>any other thread</i> goes to the inject queue and, if no
 *       worker searches, one parked worker is woken.
 *   <li>Each worker takes from the inject queue first on every
 *       {@link dev.weft.internal.scheduler.Worker#GLOBAL_QUEUE_INTERVAL}th (61st) tick, and
 *       otherwise only when its ring is empty; then it moves a fair share of the inject queue
 *       (len / workers, at most half a ring) into its ring under one lock.
 *   <li>Coop budget ({@code internal.context.Coop}): each task poll may complete 128 operations on
 *       weft's leaf futures; then the leaves answer Pending and wake the task (rule 3). A task
 *       whose futures are always ready thus still returns to the worker, which sees its ring,
 *       the inject queue and the timers' wakes. Leaves that spend budget: Ready
 *       ({@code Future.ready/done/failed}), {@code yieldNow}'s completing poll, a fired or zero
 *       {@code sleep}, every JoinHandle poll.
 * </ol>
 *
 * <h3>Stealing</h3>
 * A worker whose ring and inject queue are empty becomes a <i>searcher</i> (if allowed, see
 * parking) and visits the other workers from a random start, taking half (rounded up) of the
 * first non-empty ring it finds in one batch: one CAS claims the batch, it is copied into the
 * thief's ring, a second CAS releases it. The packed head word that makes this work:
 * <pre>
 *  RunQueue.head (long)                           RunQueue.tail (int, owner writes, release)
 *   63                 32 31                  0
 *  +---------------------+---------------------+
 *  |        steal        |         real        |
 *  +---------------------+---------------------+
 *  real : next slot the owner pops; a thief advances it by n to claim n tasks
 *  steal: == real when idle; else the first slot of the batch a thief is still copying.
 *         The owner checks capacity against steal, so it never overwrites a batch in flight;
 *         a second thief seeing steal != real goes elsewhere.
 * </pre>
 * Owner push is a plain slot write plus a release store of the tail (no read-modify-write);
 * owner pop is one CAS on head (it races with thieves for the same slots). A full ring sends
 * half of itself plus the new task to the inject queue as one linked batch.
 *
 * <p>A searcher that finds no ring to steal from and an empty inject queue then steals one
 * kept-back child: the oldest (lowest) child of another worker's fork stack, the largest piece
 * of a recursive fan-out (ForkJoinPool's deque: owner LIFO at the top, thieves FIFO at the
 * bottom). Each child leaves a fork stack by a CAS of its slot from the child to null, won by
 * exactly one of: the owner's join (then it runs in place), the end of the spawning poll (then
 * it is queued), a thief (then it is listed and run as a stolen task). The loser of a join's
 * race suspends on the child's JoinHandle as before and is woken when the thief completes it.
 * A join costs that one CAS (fork/join's {@code tryUnpush} costs the same).
 *
 * <h3>Parking</h3>
 * <pre>
 *  Idle.state (int)
 *   31              16 15               0
 *  +------------------+------------------+
 *  |    searching     |     unparked     |
 *  +------------------+------------------+
 * </pre>
 * <ol>
 *   <li>At most half of the workers (rounded up) search at once; others with nothing to do
 *       park straight away. More thieves would only contend on the same rings.
 *   <li>A worker that makes work stealable (a displaced LIFO task, a yield, an overflow, a
 *       child kept back in its fork stack) or a foreign thread that injects work wakes one
 *       parked worker, but only if nobody is searching: a searcher will find the work. A task
 *       a worker puts at the back of its own ring and takes itself next (a yield or a LIFO run
 *       cut off, with nothing else queued there) wakes nobody: the woken worker could only
 *       steal it from under its owner (a request/reply pair bounced between the cores). The
 *       woken worker starts as a searcher. A push to the fork stack reads the idle state and,
 *       unless every worker is unparked and none searches, fences and notifies: the fence
 *       orders the push before that read, against the last searcher's decrement and re-check
 *       (rule 4). With every worker busy it skips both (6% of skynet's CPU): a worker that runs
 *       dry later first counts itself as searching, then scans, a whole search after the push
 *       (a bound on the store buffer's drain time, not a happens-before edge).
 *   <li>A searcher that finds work stops searching; if it was the last searcher it wakes one
 *       more worker (where there was work there may be more), so wake-ups ripple out one at a
 *       time instead of a thundering herd.
 *   <li>The last searcher to park re-checks every ring, every fork stack and the inject queue
 *       after leaving the searcher count and wakes a worker (possibly itself) if anything is there. A producer
 *       publishes its task before reading the count; the parker decrements the count before
 *       re-checking; so one of them sees the other: no lost wake-up.
 *   <li>A worker is unparked only by a notifier that took it out of the sleeper list (its
 *       {@code notified} flag) or by shutdown; spurious returns from {@code park} loop. In
 *       worker-driven mode the first parking worker to win the reactor's token waits in the
 *       reactor instead, and a notifier of that worker also unparks the reactor; a turn that has
 *       woken a task no longer waits; when it woke tasks onto the worker's ring, the worker
 *       leaves the sleeper list by itself.
 * </ol>
 *
 * <h3>Invariants</h3>
 * A task is in at most one queue (ring, LIFO slot, inject queue, fork stack) at a time, because
 * only the transition to SCHEDULED (won once, see {@code internal.task}) enqueues it, and a child
 * leaves a fork stack only through its slot's CAS (won once); therefore one thread polls it at a
 * time. {@code RuntimeHandle.CURRENT} is set on every thread that polls
 * this scheduler's tasks while it polls them, and on no other; {@code blockOn} refuses to run on
 * such a thread (it would block a thread that must drive the futures).
 *
 * <h3>Shutdown (both schedulers)</h3>
 * <ol>
 *   <li>set closed; the live-task list refuses new tasks (a late spawn cancels its own task);
 *   <li>cancel every live task: each is then queued once, or cancels itself when its running
 *       poll returns;
 *   <li>run the queued cancellations: the workers drain their rings, LIFO slots and the inject
 *       queue before they exit (multi-thread), or whoever holds the core (current-thread: the
 *       closer, or the blockOn thread);
 *   <li>wake blockOn callers, which cancel their future and throw CancellationException;
 *   <li>join the threads (bounded) and stop the timer thread; then drain the inject queue on
 *       the closer; wakes arriving later run their (cancelled) task inline.
 * </ol>
 *
 * <h3>Live tasks for test tools</h3>
 * {@link dev.weft.internal.scheduler.LiveTasks} lists a runtime's tasks that are neither
 * complete nor cancelled (weft-junit fails a test that leaves one). Spawn sites are recorded
 * only for a runtime whose creator asked before sharing it ({@code SpawnSites}, a map beside
 * the tasks, so a task stays at 48 bytes); every other spawn pays one null check.
 *
 * <p>Layer (docs/design.md, "How the runtime's packages depend on each other"): the top layer: it
 * may use every other internal package, and none uses it (tasks reach it through {@code
 * internal.task.Schedule}, leaves through {@code internal.context.RuntimeHandle}).
 */
package dev.weft.internal.scheduler;
