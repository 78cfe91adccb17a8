package dev.weft.it;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Future;
import dev.weft.JoinHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 17 point 3, woven: async methods on {@code AsyncRuntime.builder().virtualTime()}, on
 * both executors. Assertions are on virtual readings ({@link Async#nanoTime()}) and order, never
 * on wall time; the wall time of the one-hour sleep is printed (README, "Virtual time in tests").
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
                        "multi-thread",
                        (Supplier<AsyncRuntime>)
                                () -> AsyncRuntime.builder().workers(2).virtualTime().build()));
    }

    static Future<Long> sleepAnHour() {
        long start = Async.nanoTime();
        await(Async.sleep(Duration.ofHours(1)));
        return Future.ready(Async.nanoTime() - start);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runtimes")
    void sleepingAnHourTakesAnHourOfVirtualTime(String name, Supplier<AsyncRuntime> make) {
        try (AsyncRuntime rt = make.get()) {
            long wall = System.nanoTime();
            long virtual = rt.blockOn(sleepAnHour());
            wall = System.nanoTime() - wall;
            assertTrue(virtual >= Duration.ofHours(1).toNanos(), virtual + " ns");
            assertEquals(Duration.ofHours(1).toNanos(), virtual);
            System.out.printf(
                    "[virtual time] %s: sleep(1 h) took %.1f ms of wall time%n", name, wall / 1e6);
        }
    }

    static Future<Void> sleepThenLog(long millis, List<String> log, long start) {
        await(Async.sleep(Duration.ofMillis(millis)));
        log.add(millis + "@" + (Async.nanoTime() - start) / MS);
        return Future.done();
    }

    static Future<Void> all(List<Future<Void>> futures) {
        List<JoinHandle<Void>> handles = new ArrayList<>();
        for (Future<Void> f : futures) {
            handles.add(Async.spawn(f));
        }
        for (JoinHandle<Void> h : handles) {
            await(h);
        }
        return Future.done();
    }

    static Future<Void> timersInDeadlineOrder(List<String> log) {
        long start = Async.nanoTime();
        List<Future<Void>> sleepers = new ArrayList<>();
        for (long ms : new long[] {50, 10, 40, 20, 30}) {
            sleepers.add(sleepThenLog(ms, log, start));
        }
        await(all(sleepers));
        return Future.done();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runtimes")
    void timersFireInDeadlineOrder(String name, Supplier<AsyncRuntime> make) {
        try (AsyncRuntime rt = make.get()) {
            List<String> log = Collections.synchronizedList(new ArrayList<>());
            rt.blockOn(timersInDeadlineOrder(log));
            assertEquals(List.of("10@10", "20@20", "30@30", "40@40", "50@50"), log);
        }
    }

    static Future<String> slowAnswer() {
        await(Async.sleep(Duration.ofMinutes(10)));
        return Future.ready("too late");
    }

    static Future<Void> timeoutAmongTimers(List<String> log) throws TimeoutException {
        long start = Async.nanoTime();
        JoinHandle<Void> before = Async.spawn(sleepThenLog(59_999, log, start));
        JoinHandle<Void> after = Async.spawn(sleepThenLog(60_001, log, start));
        try {
            await(Async.timeout(Duration.ofMinutes(1), slowAnswer()), TimeoutException.class);
            log.add("answered");
        } catch (TimeoutException e) {
            log.add("timeout@" + (Async.nanoTime() - start) / MS);
        }
        await(before);
        await(after);
        return Future.done();
    }

    /** The timeout fires exactly at its virtual deadline: after a timer 1 ms earlier, before one 1 ms later. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("runtimes")
    void timeoutFiresAtExactlyItsVirtualDeadline(String name, Supplier<AsyncRuntime> make)
            throws Exception {
        try (AsyncRuntime rt = make.get()) {
            List<String> log = Collections.synchronizedList(new ArrayList<>());
            rt.blockOn(timeoutAmongTimers(log));
            assertEquals(List.of("59999@59999", "timeout@60000", "60001@60001"), log);
        }
    }

    static Future<Void> busy(int yields, List<String> log, long start, long[] moved) {
        for (int i = 0; i < yields; i++) {
            moved[0] = Math.max(moved[0], Async.nanoTime() - start);
            await(Async.yieldNow());
        }
        log.add("busy done@" + (Async.nanoTime() - start) / MS);
        return Future.done();
    }

    static Future<Void> busyAndSleeper(List<String> log, long[] moved) {
        long start = Async.nanoTime();
        JoinHandle<Void> sleeper = Async.spawn(sleepThenLog(1, log, start));
        JoinHandle<Void> spinner = Async.spawn(busy(20_000, log, start, moved));
        await(sleeper);
        await(spinner);
        return Future.done();
    }

    /** A task that keeps yielding is busy, never idle: the 1 ms sleeper fires only after it stops. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("runtimes")
    void aBusyTaskKeepsTheClockStill(String name, Supplier<AsyncRuntime> make) {
        try (AsyncRuntime rt = make.get()) {
            List<String> log = Collections.synchronizedList(new ArrayList<>());
            long[] moved = {0};
            rt.blockOn(busyAndSleeper(log, moved));
            assertEquals(List.of("busy done@0", "1@1"), log);
            assertEquals(0, moved[0], "the virtual clock moved while a task was busy");
        }
    }
}
