package dev.weft.internal.jmx;

/**
 * {@code dev.weft.RuntimeMetrics} as JMX attributes ({@code dev.weft:type=RuntimeMetrics,name=runtime-N});
 * the meaning of each is documented on the method of the same name there.
 */
public interface RuntimeMetricsMXBean {
    int getWorkers();

    long getTasksAlive();

    long getTasksSpawned();

    long getTasksCompleted();

    long getPolls();

    long getSteals();

    long getParks();

    int getInjectQueueDepth();

    /** Summed over the workers. */
    int getLocalQueueDepth();

    int getTimersArmed();

    int getIoRegistrations();

    long getIoRegistrationsTotal();

    int getBlockingThreads();

    int getBlockingIdleThreads();

    int getBlockingQueueDepth();
}
