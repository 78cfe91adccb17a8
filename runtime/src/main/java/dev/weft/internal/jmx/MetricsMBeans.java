package dev.weft.internal.jmx;

import dev.weft.RuntimeMetrics;
import java.lang.management.ManagementFactory;
import javax.management.ObjectName;

/** Registers a runtime's {@link RuntimeMetricsMXBean} with the platform MBean server, and removes it. */
public final class MetricsMBeans {

    private MetricsMBeans() {}

    /**
     * Whether runtimes register their MBean: {@code -Dweft.jmx=true}, or (unless
     * {@code -Dweft.jmx=false}) when the JVM was started with a JMX agent.
     */
    public static boolean wanted() {
        String p = System.getProperty("weft.jmx");
        if (p != null) {
            return Boolean.parseBoolean(p);
        }
        return System.getProperty("com.sun.management.jmxremote") != null
                || System.getProperty("com.sun.management.jmxremote.port") != null;
    }

    /** The MBean's name for {@code metrics}. */
    public static ObjectName name(RuntimeMetrics metrics) {
        try {
            return new ObjectName("dev.weft:type=RuntimeMetrics,name=" + metrics.name());
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers {@code metrics}; false (and nothing registered) when JMX is not usable. */
    public static boolean register(RuntimeMetrics metrics) {
        try {
            ManagementFactory.getPlatformMBeanServer().registerMBean(new View(metrics), name(metrics));
            return true;
        } catch (Exception | LinkageError e) {
            System.getLogger("dev.weft").log(System.Logger.Level.DEBUG, "RuntimeMetrics MBean not registered", e);
            return false;
        }
    }

    /** Removes what {@link #register} registered; quiet when it is gone already. */
    public static void unregister(RuntimeMetrics metrics) {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name(metrics));
        } catch (Exception | LinkageError ignored) {
            // gone already, or JMX broke meanwhile: nothing is left to release.
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
