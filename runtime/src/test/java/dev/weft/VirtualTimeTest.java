package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.net.TcpListener;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 17 point 3: {@code AsyncRuntime.Builder.virtualTime()} with hand-written futures, on
 * both executors (and both ways of driving the multi-threaded one's reactor). Every assertion is
 * on virtual readings or on order, never on wall time.
 */
class VirtualTimeTest {

    private static final long MS = 1_000_000L;

    static Stream<Arguments> runtimes() {
        return Stream.of(
                Arguments.of(
                        "current-thread",
                        (Supplier<AsyncRuntime>)
                                () -> AsyncRuntime.builder().currentThread().virtualTime().build()),
                Arguments.of(
                        "multi-thread, workers drive",
                        (Supplier<AsyncRuntime>)
                                () ->
                                        AsyncRuntime.builder()
                                                .workers(2)
                                                .workersDrive(true)
                                                .virtualTime()
                                                .build()),
                Arguments.of(
                        "multi-thread, driver thread",
                        (Supplier<AsyncRuntime>)
                                () ->
                                        AsyncRuntime.builder()
                                                .workers(2)
                                                .workersDrive(false)
                                                .virtualTime()
                                                .build()));
    }

    /** Sleeps {@code d}, then logs {@code name} with the virtual time since {@code start}. */
    static Future<Long> sleepThenLog(Duration d, String name, List<String> log, long start) {
        Future<Void> sleep = Async.sleep(d);
        return cx -> {
            if (!sleep.poll(cx).isReady()) {
                return Poll.pending();
            }
            long elapsed = Async.nanoTime() - start;
            log.add(name + "@" + elapsed / MS);
            return Poll.ready(elapsed);
        };
    }

    /** Spawns every future from inside the runtime, in order, and waits for all of them. */
    static <T> Future<List<T>> spawnAll(List<Supplier<Future<T>>> futures) {
        List<JoinHandle<T>> handles = new ArrayList<>();
        return cx -> {
            if (handles.isEmpty()) {
                for (Supplier<Future<T>> f : futures) {
                    handles.add(Async.spawn(f.get()));
                }
            }
            List<T> out = new ArrayList<>();
            for (JoinHandle<T> h : handles) {
                Poll<T> p = h.poll(cx);
                if (!p.isReady()) {
                    return Poll.pending();
                }
                out.add(p.value());
            }
            return Poll.ready(out);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runtimes")
    void timersFireInDeadlineOrderAtTheirExactVirtualDeadlines(
            String name, Supplier<AsyncRuntime> make) {
        try (AsyncRuntime rt = make.get()) {
            List<String> log = Collections.synchronizedList(new ArrayList<>());
            long start = rt.blockOn(cx -> Poll.ready(Async.nanoTime()));
            List<Long> elapsed =
                    rt.blockOn(
                            spawnAll(
                                    List.of(
                                            () ->
                                                    sleepThenLog(
                                                            Duration.ofMillis(300),
                                                            "300",
                                                            log,
                                                            start),
                                            () ->
                                                    sleepThenLog(
                                                            Duration.ofMillis(100),
                                                            "100",
                                                            log,
                                                            start),
                                            () ->
                                                    sleepThenLog(
                                                            Duration.ofMillis(5_000),
                                                            "5000",
                                                            log,
                                                            start),
                                            () ->
                                                    sleepThenLog(
                                                            Duration.ofMillis(200),
                                                            "200",
                                                            log,
                                                            start))));
            assertEquals(List.of("100@100", "200@200", "300@300", "5000@5000"), log);
            assertEquals(List.of(300 * MS, 100 * MS, 5_000 * MS, 200 * MS), elapsed);
        }
    }

    /** Tied deadlines fire in arming order; observable where the tasks run in wake order. */
    @Test
    void tiedDeadlinesFireInArmingOrder() {
        for (Supplier<AsyncRuntime> make :
                List.<Supplier<AsyncRuntime>>of(
                        () -> AsyncRuntime.builder().currentThread().virtualTime().build(),
                        () ->
                                AsyncRuntime.builder()
                                        .workers(1)
                                        .workersDrive(true)
                                        .virtualTime()
                                        .build())) {
            try (AsyncRuntime rt = make.get()) {
                List<String> log = Collections.synchronizedList(new ArrayList<>());
                List<Supplier<Future<Long>>> sleepers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String n = "t" + i;
                    sleepers.add(() -> sleepThenLog(Duration.ofMillis(10), n, log, 0));
                }
                rt.blockOn(spawnAll(sleepers));
                List<String> names = new ArrayList<>();
                for (String s : log) {
                    names.add(s.substring(0, s.indexOf('@')));
                }
                assertEquals(List.of("t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7"), names);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runtimes")
    void sleepingAnHourAdvancesTheVirtualClockByExactlyAnHour(
            String name, Supplier<AsyncRuntime> make) {
        try (AsyncRuntime rt = make.get()) {
            long before = rt.blockOn(cx -> Poll.ready(Async.nanoTime()));
            long took =
                    rt.blockOn(
                            sleepThenLog(Duration.ofHours(1), "hour", new ArrayList<>(), before));
            long after = rt.blockOn(cx -> Poll.ready(Async.nanoTime()));
            assertEquals(Duration.ofHours(1).toNanos(), took);
            assertTrue(after - before >= Duration.ofHours(1).toNanos(), (after - before) + " ns");
        }
    }

    /** A timeout fires at exactly its virtual deadline: after a shorter timer, before a longer one. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("runtimes")
    void timeoutFiresAtItsVirtualDeadlineAmongOtherTimers(String name, Supplier<AsyncRuntime> make)
            throws Exception {
        try (AsyncRuntime rt = make.get()) {
            List<String> log = Collections.synchronizedList(new ArrayList<>());
            long start = rt.blockOn(cx -> Poll.ready(Async.nanoTime()));
            Future<Long> inner = sleepThenLog(Duration.ofMillis(100), "inner", log, start);
            Future<Long> timeout = Async.timeout(Duration.ofMillis(50), inner);
            Future<Long> timed =
                    cx -> {
                        try {
                            return timeout.poll(cx);
                        } catch (Throwable e) {
                            if (!(e instanceof TimeoutException)) {
                                throw e;
                            }
                            log.add("timeout@" + (Async.nanoTime() - start) / MS);
                            return Poll.ready(-1L);
                        }
                    };
            rt.blockOn(
                    spawnAll(
                            List.<Supplier<Future<Long>>>of(
                                    () -> sleepThenLog(Duration.ofMillis(40), "40", log, start),
                                    () -> timed,
                                    () -> sleepThenLog(Duration.ofMillis(60), "60", log, start),
                                    () ->
                                            sleepThenLog(
                                                    Duration.ofMillis(150), "150", log, start))));
            // the inner sleep was cancelled with the timeout: it never logs
            assertEquals(List.of("40@40", "timeout@50", "60@60", "150@150"), log);

            long t0 = rt.blockOn(cx -> Poll.ready(Async.nanoTime()));
            long inTime =
                    rt.blockOn(
                            Async.timeout(
                                    Duration.ofHours(1),
                                    sleepThenLog(Duration.ofMillis(10), "quick", log, t0)));
            assertEquals(10 * MS, inTime);
        }
    }

    /**
     * A task that keeps yielding is never idle: the clock stands still while it runs, so a 1 ms
     * sleeper spawned before it fires only once it is done.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("runtimes")
    void aBusyTaskKeepsTheClockStill(String name, Supplier<AsyncRuntime> make) {
        try (AsyncRuntime rt = make.get()) {
            List<String> log = Collections.synchronizedList(new ArrayList<>());
            long start = rt.blockOn(cx -> Poll.ready(Async.nanoTime()));
            int[] left = {20_000};
            long[] moved = {0};
            Future<Long> busy =
                    new Future<>() {
                        Future<Void> yield;

                        @Override
                        public Poll<Long> poll(Context cx) {
                            for (; ; ) {
                                if (yield != null && !yield.poll(cx).isReady()) {
                                    return Poll.pending();
                                }
                                moved[0] = Math.max(moved[0], Async.nanoTime() - start);
                                if (left[0]-- == 0) {
                                    log.add("busy done");
                                    return Poll.ready(0L);
                                }
                                yield = Async.yieldNow();
                            }
                        }
                    };
            rt.blockOn(
                    spawnAll(
                            List.<Supplier<Future<Long>>>of(
                                    () -> sleepThenLog(Duration.ofMillis(1), "sleeper", log, start),
                                    () -> busy)));
            assertEquals(List.of("busy done", "sleeper@1"), log);
            assertEquals(0, moved[0], "the virtual clock moved while a task was busy");
        }
    }

    /** spawnBlocking work in flight keeps the clock still (Tokio's spawn_blocking does the same). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("runtimes")
    void blockingWorkInFlightKeepsTheClockStill(String name, Supplier<AsyncRuntime> make) {
        try (AsyncRuntime rt = make.get()) {
            List<String> log = Collections.synchronizedList(new ArrayList<>());
            long start = rt.blockOn(cx -> Poll.ready(Async.nanoTime()));
            Supplier<Future<Long>> blocking =
                    () ->
                            new Future<>() {
                                Future<Long> work;

                                @Override
                                public Poll<Long> poll(Context cx) {
                                    if (work == null) {
                                        work =
                                                Async.spawnBlocking(
                                                        () -> {
                                                            Thread.sleep(50);
                                                            return 0L;
                                                        });
                                    }
                                    if (!work.poll(cx).isReady()) {
                                        return Poll.pending();
                                    }
                                    log.add("blocking@" + (Async.nanoTime() - start) / MS);
                                    return Poll.ready(0L);
                                }
                            };
            rt.blockOn(
                    spawnAll(
                            List.<Supplier<Future<Long>>>of(
                                    () -> sleepThenLog(Duration.ofMillis(1), "sleeper", log, start),
                                    blocking)));
            assertEquals(List.of("blocking@0", "sleeper@1"), log);
        }
    }

    /** Sockets are refused: a task waiting for the network is idle, so the clock would jump past every timeout. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("runtimes")
    void aSocketThatWaitsIsRefusedWithTheReason(String name, Supplier<AsyncRuntime> make)
            throws Exception {
        try (AsyncRuntime rt = make.get();
                TcpListener listener =
                        TcpListener.bind(
                                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            IllegalStateException e =
                    assertThrows(IllegalStateException.class, () -> rt.blockOn(listener.accept()));
            assertTrue(e.getMessage().contains("virtualTime()"), e.getMessage());
        }
    }

    @Test
    void realTimeRuntimesKeepTheRealClock() {
        try (AsyncRuntime rt = AsyncRuntime.builder().currentThread().build()) {
            long before = System.nanoTime();
            long t = rt.blockOn(cx -> Poll.ready(Async.nanoTime()));
            assertTrue(t >= before, t + " >= " + before);
        }
    }

    @Test
    void aCurrentThreadBuilderRefusesWorkerOptions() {
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> AsyncRuntime.builder().currentThread().workers(2).build());
        assertTrue(e.getMessage().contains("workers"), e.getMessage());
    }
}
