package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.net.TcpListener;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** {@link RuntimeMetrics}: each counter and gauge moves when the runtime does what it counts. */
class RuntimeMetricsTest {

    /** Waits (bounded, generous) for a condition that the runtime makes true asynchronously. */
    private static void eventually(String what, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never: " + what);
            }
            Thread.sleep(1);
        }
    }

    @Test
    void countsSpawnsCompletionsAndPollsOfEveryTask() throws Exception {
        try (AsyncRuntime rt = AsyncRuntime.builder().workers(2).build()) {
            RuntimeMetrics m = rt.metrics();
            assertSame(m, rt.metrics());
            assertEquals(2, m.workers());
            long spawned = m.tasksSpawned();
            long completed = m.tasksCompleted();
            long polls = m.polls();
            List<JoinHandle<Integer>> handles = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                rt.spawn(Async.yieldNow());
                handles.add(rt.spawn(Future.ready(i)));
            }
            for (JoinHandle<Integer> h : handles) {
                rt.blockOn(h);
            }
            // 200 spawns: each loop turn spawned a yieldNow task and a ready one
            assertEquals(200, m.tasksSpawned() - spawned);
            eventually("200 completions", () -> m.tasksCompleted() - completed == 200);
            assertTrue(
                    m.polls() - polls >= 200 + 100,
                    "a yieldNow task is polled twice: " + (m.polls() - polls));
            assertEquals(0, m.tasksAlive());
            assertEquals(m.polls(), m.polls(0) + m.polls(1));
        }
    }

    @Test
    void spawnsFromATaskCountOnTheWorkerAndIdleWorkersPark() throws Exception {
        try (AsyncRuntime rt = AsyncRuntime.builder().workers(2).build()) {
            RuntimeMetrics m = rt.metrics();
            long spawned = m.tasksSpawned();
            int children =
                    rt.blockOn(
                            rt.spawn(
                                    cx -> {
                                        for (int i = 0; i < 10; i++) {
                                            Async.spawn(Future.done());
                                        }
                                        return Poll.ready(10);
                                    }));
            assertEquals(1 + children, m.tasksSpawned() - spawned);
            eventually("a parked worker", () -> m.parks() > 0);
            eventually("no task alive", () -> m.tasksAlive() == 0);
        }
    }

    @Test
    void anIdleWorkerStealsFromABusyOne() throws Exception {
        try (AsyncRuntime rt = AsyncRuntime.builder().workers(2).build()) {
            RuntimeMetrics m = rt.metrics();
            long steals = m.steals();
            // the parent keeps its worker busy until a child has run elsewhere: only a steal
            // can take a child from the parent's ring to the other worker.
            rt.blockOn(
                    rt.spawn(
                            cx -> {
                                Thread parent = Thread.currentThread();
                                boolean[] elsewhere = {false};
                                for (int i = 0; i < 64; i++) {
                                    Async.spawn(
                                            c -> {
                                                if (Thread.currentThread() != parent) {
                                                    synchronized (elsewhere) {
                                                        elsewhere[0] = true;
                                                    }
                                                }
                                                return Poll.ready(null);
                                            });
                                }
                                for (; ; ) {
                                    synchronized (elsewhere) {
                                        if (elsewhere[0]) {
                                            return Poll.ready(null);
                                        }
                                    }
                                    Thread.onSpinWait();
                                }
                            }));
            assertTrue(m.steals() - steals >= 1, "steals: " + (m.steals() - steals));
            assertEquals(m.steals(), m.steals(0) + m.steals(1));
        }
    }

    @Test
    void queueDepthsAndTimersOfACurrentThreadRuntime() {
        try (AsyncRuntime rt = AsyncRuntime.currentThread()) {
            RuntimeMetrics m = rt.metrics();
            assertEquals(1, m.workers());
            JoinHandle<?> a = rt.spawn(Async.sleep(Duration.ofHours(1)));
            rt.spawn(Future.done());
            rt.spawn(Future.done());
            assertEquals(3, m.injectQueueDepth(), "nothing has driven the runtime yet");
            assertEquals(0, m.localQueueDepth(0));
            assertEquals(3, m.tasksAlive());
            rt.blockOn(Async.yieldNow());
            assertEquals(0, m.injectQueueDepth());
            assertEquals(1, m.timersArmed(), "the hour-long sleep");
            assertEquals(1, m.tasksAlive());
            a.cancel();
            rt.blockOn(Async.yieldNow());
            assertEquals(0, m.timersArmed());
            assertEquals(0, m.tasksAlive());
            assertTrue(m.polls(0) >= 3);
            assertThrows(IndexOutOfBoundsException.class, () -> m.polls(1));
            assertThrows(IndexOutOfBoundsException.class, () -> m.localQueueDepth(-1));
        }
    }

    @Test
    void aSocketWaitingForAConnectionIsARegistration() throws Exception {
        try (AsyncRuntime rt = AsyncRuntime.builder().workers(1).build();
                TcpListener listener =
                        TcpListener.bind(
                                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            RuntimeMetrics m = rt.metrics();
            assertEquals(0, m.ioRegistrations());
            JoinHandle<?> accept = rt.spawn(listener.accept());
            // the key appears in the selector just before the worker counts it: wait for both
            eventually(
                    "the listener registered",
                    () -> m.ioRegistrations() == 1 && m.ioRegistrationsTotal() == 1);
            assertEquals(1, m.ioRegistrationsTotal());
            accept.cancel();
        }
    }

    @Test
    void blockingWorkShowsInThePoolGauges() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (AsyncRuntime rt = AsyncRuntime.builder().workers(1).build()) {
            RuntimeMetrics m = rt.metrics();
            JoinHandle<?> h =
                    rt.spawn(Async.spawnBlocking(() -> release.await(30, TimeUnit.SECONDS)));
            eventually(
                    "a busy blocking thread",
                    () -> m.blockingThreads() - m.blockingIdleThreads() >= 1);
            release.countDown();
            rt.blockOn(h);
            assertEquals(0, m.blockingQueueDepth());
        } finally {
            release.countDown();
        }
    }

    @Test
    void isAnMBeanNextToTheTaskDumpOne() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name;
        try (AsyncRuntime rt = AsyncRuntime.builder().workers(2).build()) {
            name = new ObjectName("dev.weft:type=RuntimeMetrics,name=" + rt.metrics().name());
            assertTrue(rt.metrics().name().matches("runtime-[0-9]+"), rt.metrics().name());
            ObjectName n = name;
            // at once, or by the registration thread an earlier runtime of this JVM started
            eventually("registered: " + name, () -> server.isRegistered(n));
            rt.blockOn(rt.spawn(Future.done()));
            assertEquals(2, server.getAttribute(name, "Workers"));
            assertEquals(rt.metrics().tasksSpawned(), server.getAttribute(name, "TasksSpawned"));
            assertEquals(1L, server.getAttribute(name, "TasksSpawned"));
        }
        assertFalse(server.isRegistered(name), "close() unregisters");
    }
}
