package dev.weft.internal.metrics;

/**
 * What a scheduler tells {@code dev.weft.RuntimeMetrics}: its per-worker counters and its
 * gauges, each read on demand. Every method may be called from any thread at any time, also
 * after shutdown; the values are not a consistent snapshot across methods.
 */
public interface SchedulerStats {

    /** One entry per worker, in worker order (the scheduler's own array: never modify it). */
    WorkerCounters[] workerCounters();

    /** Tasks spawned from threads that are not this scheduler's workers. */
    long outsideSpawns();

    /** Tasks that completed on threads that are not this scheduler's workers. */
    long outsideCompletions();

    /** Tasks waiting in the queue shared by all workers (where outside spawns and wakes go). */
    int injectQueueDepth();

    /** Tasks waiting in {@code worker}'s own queue (ring and LIFO slot); racy. */
    int localQueueDepth(int worker);

    /** Timers registered with the timer wheel now. */
    int timersArmed();

    /** The counters of the scheduler's driver (selector and timer wheel). */
    DriverMetrics driver();
}
