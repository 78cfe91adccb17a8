package dev.weft.internal.jmx;

import dev.weft.RuntimeMetrics;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * A runtime's {@link RuntimeMetricsMXBean}, registered and removed together with its task-dump
 * MBean by {@code internal.dump.JmxRegistration}, which decides when (see there).
 */
public final class MetricsMBeans {

    private MetricsMBeans() {}

    /** The MBean's name for the runtime named {@code runtimeName}. */
    public static ObjectName name(String runtimeName) {
        try {
            return new ObjectName("dev.weft:type=RuntimeMetrics,name=" + runtimeName);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Registers {@code metrics} with {@code server} (called by the task-dump MBean's registration,
     * which decides when); false, and nothing registered, when that fails.
     */
    public static boolean register(MBeanServer server, String runtimeName, RuntimeMetrics metrics) {
        try {
            server.registerMBean(new View(metrics), name(runtimeName));
            return true;
        } catch (JMException | RuntimeException e) {
            return false; // the name is taken (another copy of weft): best effort
        }
    }

    /** Removes the MBean of the runtime named {@code runtimeName}; quiet when it is not there. */
    public static void unregister(MBeanServer server, String runtimeName) {
        try {
            server.unregisterMBean(name(runtimeName));
        } catch (JMException | RuntimeException gone) {
            // never registered, or gone already: nothing is left to release.
        }
    }

    private static final class View implements RuntimeMetricsMXBean {
        private final RuntimeMetrics m;

        View(RuntimeMetrics m) {
            this.m = m;
        }

        @Override
        public int getWorkers() {
            return m.workers();
        }

        @Override
        public long getTasksAlive() {
            return m.tasksAlive();
        }

        @Override
        public long getTasksSpawned() {
            return m.tasksSpawned();
        }

        @Override
        public long getTasksCompleted() {
            return m.tasksCompleted();
        }

        @Override
        public long getPolls() {
            return m.polls();
        }

        @Override
        public long getSteals() {
            return m.steals();
        }

        @Override
        public long getParks() {
            return m.parks();
        }

        @Override
        public int getInjectQueueDepth() {
            return m.injectQueueDepth();
        }

        @Override
        public int getLocalQueueDepth() {
            int n = 0;
            for (int i = 0; i < m.workers(); i++) {
                n += m.localQueueDepth(i);
            }
            return n;
        }

        @Override
        public int getTimersArmed() {
            return m.timersArmed();
        }

        @Override
        public int getIoRegistrations() {
            return m.ioRegistrations();
        }

        @Override
        public long getIoRegistrationsTotal() {
            return m.ioRegistrationsTotal();
        }

        @Override
        public int getBlockingThreads() {
            return m.blockingThreads();
        }

        @Override
        public int getBlockingIdleThreads() {
            return m.blockingIdleThreads();
        }

        @Override
        public int getBlockingQueueDepth() {
            return m.blockingQueueDepth();
        }
    }
}
