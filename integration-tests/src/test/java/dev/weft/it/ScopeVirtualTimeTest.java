package dev.weft.it;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Future;
import dev.weft.Scope;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 17 point 3: {@link Scope} under virtual time, woven, on both executors. A scope whose
 * children sleep for hours completes at the virtual instant its slowest child wakes, and a
 * timeout around a scope cancels it at its virtual deadline and runs every child's finally.
 */
class ScopeVirtualTimeTest {

    private static final long MIN = Duration.ofMinutes(1).toNanos();

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

    static Future<Integer> sleeper(int minutes, List<String> log, long start) {
        try {
            await(Async.sleep(Duration.ofMinutes(minutes)));
            log.add(minutes + "@" + (Async.nanoTime() - start) / MIN);
            return Future.ready(minutes);
        } finally {
            log.add("finally " + minutes);
        }
    }

    static Future<Long> scopeOfSleepers(List<String> log) {
        long start = Async.nanoTime();
        int body =
                await(
                        Scope.run(
                                scope -> {
                                    scope.spawn(sleeper(120, log, start));
                                    scope.spawn(sleeper(30, log, start));
                                    scope.spawn(sleeper(60, log, start));
                                    return Future.ready(7);
                                }));
        assertEquals(7, body);
        return Future.ready((Async.nanoTime() - start) / MIN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runtimes")
    void aScopeCompletesWhenItsSlowestChildWakesInVirtualTime(
            String name, Supplier<AsyncRuntime> make) {
        List<String> log = new CopyOnWriteArrayList<>();
        try (AsyncRuntime rt = make.get()) {
            assertEquals(120L, rt.blockOn(scopeOfSleepers(log)));
        }
        assertEquals(
                List.of("30@30", "finally 30", "60@60", "finally 60", "120@120", "finally 120"),
                log);
    }

    static Future<Integer> timedOutScope(List<String> log) throws TimeoutException {
        long start = Async.nanoTime();
        try {
            return Future.ready(
                    await(
                            Async.timeout(
                                    Duration.ofMinutes(45),
                                    Scope.run(
                                            scope -> {
                                                scope.spawn(sleeper(30, log, start));
                                                scope.spawn(sleeper(600, log, start));
                                                return Future.ready(1);
                                            })),
                            TimeoutException.class));
        } catch (TimeoutException e) {
            log.add("timeout@" + (Async.nanoTime() - start) / MIN);
            throw e;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runtimes")
    void aTimeoutAroundAScopeCancelsItAtItsVirtualDeadline(
            String name, Supplier<AsyncRuntime> make) {
        List<String> log = new CopyOnWriteArrayList<>();
        try (AsyncRuntime rt = make.get()) {
            TimeoutException e =
                    assertThrows(TimeoutException.class, () -> rt.blockOn(timedOutScope(log)));
            assertSame(TimeoutException.class, e.getClass());
        }
        assertTrue(
                log.containsAll(List.of("30@30", "finally 30", "finally 600", "timeout@45")),
                log.toString());
        assertTrue(log.indexOf("finally 600") < log.indexOf("timeout@45"), log.toString());
        assertTrue(log.stream().noneMatch(s -> s.startsWith("600@")), log.toString());
    }
}
