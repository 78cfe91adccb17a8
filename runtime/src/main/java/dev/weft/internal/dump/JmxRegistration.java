package dev.weft.internal.dump;

import dev.weft.AsyncRuntime;
import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

/**
 * Registers each runtime's {@link TasksMXBean} with the platform MBean server, without making
 * the runtime's creator pay for that server. Creating it takes ~150 ms (measured on the 2-core CI
 * machine: it registers the JDK's own MXBeans), which a program that never uses JMX should not
 * pay on its first {@code AsyncRuntime.create()}. So:
 * <ol>
 *   <li>when the platform server already exists (an application server, a program started with
 *       {@code -Dcom.sun.management.jmxremote}, an earlier registration), register on the
 *       creating thread (~30 us);
 *   <li>otherwise a daemon thread, started once per JVM, waits {@link #DELAY_MILLIS} (a short
 *       program, a test JVM or a start-up measurement is over by then and never pays), then
 *       creates the server and registers every runtime still live; later runtimes take step 1.
 * </ol>
 * {@code -Dweft.jmx=false} registers nothing. Registrations and withdrawals happen under one
 * lock, so a runtime closed before the thread reaches it is never registered. All of it is
 * best effort: a JVM without the java.management module, or a name already taken by another
 * copy of weft, leaves the runtime without an MBean and nothing else changes.
 */
final class JmxRegistration {

    static final boolean ON = !"false".equalsIgnoreCase(System.getProperty("weft.jmx"));

    /** How long step 2 waits before it creates the platform server. */
    static final long DELAY_MILLIS = 1_000;

    private static final Object LOCK = new Object();

    /** Numbers registered with the server; guarded by LOCK. */
    private static final Set<Integer> REGISTERED = new HashSet<>();

    /** Whether the thread of step 2 was started; guarded by LOCK. */
    private static boolean starting;

    private JmxRegistration() {}

    /** The name of runtime {@code n}'s MBean. */
    static String objectName(int n) {
        return "dev.weft:type=AsyncRuntime,name=runtime-" + n;
    }

    static void offer(int n) {
        if (!ON) {
            return;
        }
        try {
            synchronized (LOCK) {
                if (!starting && MBeanServerFactory.findMBeanServer(null).isEmpty()) {
                    starting = true;
                    Thread t = new Thread(JmxRegistration::registerAll, "weft-jmx-registration");
                    t.setDaemon(true);
                    t.start();
                    return;
                }
                if (!starting) {
                    register(ManagementFactory.getPlatformMBeanServer(), n);
                }
                // else: the thread registers every live runtime, this one included, once the server
                // is up
            }
        } catch (LinkageError | RuntimeException noJmx) {
            // best effort, see the class comment
        }
    }

    static void withdraw(int n) {
        if (!ON) {
            return;
        }
        try {
            synchronized (LOCK) {
                if (REGISTERED.remove(n)) {
                    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
                    server.unregisterMBean(new ObjectName(objectName(n)));
                    dev.weft.internal.jmx.MetricsMBeans.unregister(server, "runtime-" + n);
                }
            }
        } catch (LinkageError | RuntimeException | JMException gone) {
            // best effort, see the class comment
        }
    }

    /** Step 2, on its own thread. */
    private static void registerAll() {
        try {
            Thread.sleep(DELAY_MILLIS);
        } catch (InterruptedException e) {
            synchronized (LOCK) {
                starting = false; // the next runtime tries again
            }
            return;
        }
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            synchronized (LOCK) {
                for (Integer n : RuntimeRegistry.numbers()) {
                    register(server, n);
                }
                starting = false;
            }
        } catch (LinkageError | RuntimeException noJmx) {
            // best effort, see the class comment
        }
    }

    /** Registers runtime {@code n} if it is still live; under LOCK. */
    private static void register(MBeanServer server, int n) {
        if (REGISTERED.contains(n) || RuntimeRegistry.get(n) == null) {
            return;
        }
        try {
            server.registerMBean(new Bean(n), new ObjectName(objectName(n)));
            REGISTERED.add(n);
            AsyncRuntime rt = RuntimeRegistry.get(n);
            if (rt != null) {
                dev.weft.internal.jmx.MetricsMBeans.register(
                        server, "runtime-" + n, rt.metrics()); // same terms
            }
        } catch (JMException | RuntimeException taken) {
            // another copy of weft (another class loader) uses the name: best effort
        }
    }

    /** Holds only the runtime's number, so the MBean server never keeps a runtime alive. */
    private static final class Bean implements TasksMXBean {
        private final int n;

        Bean(int n) {
            this.n = n;
        }

        @Override
        public String dumpTasks() {
            AsyncRuntime rt = RuntimeRegistry.get(n);
            return rt == null ? "runtime-" + n + ": closed\n" : rt.dumpTasks().toString();
        }

        @Override
        public int getLiveTasks() {
            AsyncRuntime rt = RuntimeRegistry.get(n);
            return rt == null ? 0 : rt.dumpTasks().tasks().size();
        }
    }
}
