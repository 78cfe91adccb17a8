package dev.weft;

import dev.weft.internal.blocking.BlockingPool;
import dev.weft.internal.metrics.SchedulerStats;
import dev.weft.internal.metrics.WorkerCounters;

/**
 * A live view of what one {@link AsyncRuntime} is doing, after Tokio's {@code RuntimeMetrics}:
 * every call reads the current value, so keep the view and call it again for a later value.
 *
 * <pre>{@code
 * RuntimeMetrics m = runtime.metrics();
 * long before = m.polls();
 * ...
 * System.out.println(m.polls() - before + " polls, " + m.tasksAlive() + " tasks alive");
 * }</pre>
 *
 * <p>Counters ({@code tasksSpawned}, {@code polls}, {@code steals}...) only grow; gauges
 * ({@code tasksAlive}, queue depths, {@code timersArmed}...) go up and down. Values are read
 * without stopping the workers, so two calls are not a consistent snapshot: compare
 * differences of one counter. Each worker counts into its own fields and the totals are added up
 * here, so counting costs the workers no shared write.
 *
 * <p>A current-thread runtime has one worker: the thread inside {@code blockOn}. The blocking
 * pool of {@link Async#spawnBlocking} is shared by every runtime of the JVM, so its numbers are
 * the same in every runtime's view.
 *
 * <p>The same numbers are the JMX MBean {@code dev.weft:type=RuntimeMetrics,name=}{@link #name()},
 * registered next to the runtime's task-dump MBean ({@code type=AsyncRuntime}) and on the same
 * terms: at once when the platform MBean server exists, else about a second after the runtime
 * starts (so a short program never pays for the server); {@code -Dweft.jmx=false} registers
 * neither.
 */
public final class RuntimeMetrics {

    private final SchedulerStats stats;

    /** The runtime whose number names this view (set once its constructor has returned). */
    private final AsyncRuntime owner;

    RuntimeMetrics(SchedulerStats stats, AsyncRuntime owner) {
        this.stats = stats;
        this.owner = owner;
    }

    /** {@return this runtime's name in the JVM, {@code runtime-N} in creation order (the MBeans' name key)} */
    public String name() {
        return owner.metricsName();
    }

    /** {@return worker threads (1 for a current-thread runtime)} */
    public int workers() {
        return stats.workerCounters().length;
    }

    /** {@return tasks spawned and not yet completed (a gauge)} */
    public long tasksAlive() {
        return Math.max(0, tasksSpawned() - tasksCompleted());
    }

    /** {@return tasks spawned so far, from any thread} */
    public long tasksSpawned() {
        long n = stats.outsideSpawns();
        for (WorkerCounters c : stats.workerCounters()) {
            n += c.spawns();
        }
        return n;
    }

    /** {@return tasks that have finished so far: with a value, a failure, or cancelled} */
    public long tasksCompleted() {
        long n = stats.outsideCompletions();
        for (WorkerCounters c : stats.workerCounters()) {
            n += c.completions();
        }
        return n;
    }

    /** {@return task polls begun by all workers so far (a running poll included)} */
    public long polls() {
        long n = 0;
        for (WorkerCounters c : stats.workerCounters()) {
            n += c.polls();
        }
        return n;
    }

    /**
     * Task polls begun by one worker so far.
     *
     * @param worker from 0 to {@link #workers()} - 1
     * @return that worker's polls
     */
    public long polls(int worker) {
        return counters(worker).polls();
    }

    /**
     * {@return successful steals so far: each moved a batch of tasks from another worker's queue,
     * or one child that another worker kept back for a join in place}
     */
    public long steals() {
        long n = 0;
        for (WorkerCounters c : stats.workerCounters()) {
            n += c.steals();
        }
        return n;
    }

    /**
     * Successful steals by one worker.
     *
     * @param worker from 0 to {@link #workers()} - 1
     * @return the steals that worker made
     */
    public long steals(int worker) {
        return counters(worker).steals();
    }

    /** {@return times a worker found no work and went to wait (park, or wait in the selector)} */
    public long parks() {
        long n = 0;
        for (WorkerCounters c : stats.workerCounters()) {
            n += c.parks();
        }
        return n;
    }

    /**
     * Times one worker went to wait for work.
     *
     * @param worker from 0 to {@link #workers()} - 1
     * @return that worker's parks
     */
    public long parks(int worker) {
        return counters(worker).parks();
    }

    /** {@return tasks waiting in the queue shared by the workers (spawns and wakes from other threads)} */
    public int injectQueueDepth() {
        return stats.injectQueueDepth();
    }

    /**
     * Tasks waiting in one worker's own queue (0 on a current-thread runtime, whose single queue
     * is {@link #injectQueueDepth()}).
     *
     * @param worker from 0 to {@link #workers()} - 1
     * @return that worker's queue depth
     */
    public int localQueueDepth(int worker) {
        counters(worker);
        return stats.localQueueDepth(worker);
    }

    /** {@return timers (sleeps, timeouts) armed now} */
    public int timersArmed() {
        return stats.timersArmed();
    }

    /** {@return sockets registered with the runtime's selector now (0 until the first socket waits)} */
    public int ioRegistrations() {
        return stats.driver().keyCount();
    }

    /** {@return sockets ever registered with the runtime's selector} */
    public long ioRegistrationsTotal() {
        return stats.driver().registrations();
    }

    /** {@return threads of the blocking pool now (shared by all runtimes), busy or idle} */
    public int blockingThreads() {
        return BlockingPool.shared().threads();
    }

    /** {@return threads of the blocking pool waiting for work now} */
    public int blockingIdleThreads() {
        return BlockingPool.shared().idleThreads();
    }

    /** {@return {@link Async#spawnBlocking} work queued and not yet started} */
    public int blockingQueueDepth() {
        return BlockingPool.shared().queueDepth();
    }

    private WorkerCounters counters(int worker) {
        WorkerCounters[] all = stats.workerCounters();
        if (worker < 0 || worker >= all.length) {
            throw new IndexOutOfBoundsException(
                    "worker " + worker + " of a runtime with " + all.length + " workers");
        }
        return all[worker];
    }

    /** One line with every value, for a log. */
    @Override
    public String toString() {
        return "RuntimeMetrics["
                + name()
                + ": workers="
                + workers()
                + ", tasksAlive="
                + tasksAlive()
                + ", tasksSpawned="
                + tasksSpawned()
                + ", tasksCompleted="
                + tasksCompleted()
                + ", polls="
                + polls()
                + ", steals="
                + steals()
                + ", parks="
                + parks()
                + ", injectQueueDepth="
                + injectQueueDepth()
                + ", timersArmed="
                + timersArmed()
                + ", ioRegistrations="
                + ioRegistrations()
                + ", blockingThreads="
                + blockingThreads()
                + ", blockingQueueDepth="
                + blockingQueueDepth()
                + "]";
    }
}
