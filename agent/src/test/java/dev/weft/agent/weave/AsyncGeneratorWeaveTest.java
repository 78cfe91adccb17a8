package dev.weft.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.AsyncStream;
import dev.weft.Future;
import dev.weft.agent.check.CoroutineKind;
import dev.weft.agent.check.Rejection;
import dev.weft.testkit.Poller;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fourth coroutine kind: methods returning AsyncStream that await and yield. */
class AsyncGeneratorWeaveTest {

    @SuppressWarnings("unchecked")
    private static List<String> log() throws Exception {
        return (List<String>) SampleRunner.sample("AsyncGenerators").getField("LOG").get(null);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void awaitsAndYieldsInOneBody(boolean pending) throws Throwable {
        log().clear();
        SampleRunner.mode(pending);
        try {
            AsyncStream<?> s =
                    (AsyncStream<?>)
                            SampleRunner.invoke(
                                    SampleRunner.sample("AsyncGenerators"), "squares", 3);
            assertEquals(List.of(), log(), "nothing runs before the first hasNext() is polled");
            Future<?> consumer =
                    (Future<?>)
                            SampleRunner.invoke(
                                    SampleRunner.sample("AsyncGenerators"), "collect", s);
            assertEquals(List.of(0, 1, 4, 1003), Poller.drive(consumer));
            assertEquals(List.of("start", "after0", "after1", "after2"), log());
        } finally {
            SampleRunner.mode(false);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void cancelAtAYieldRunsFinallyAndNextWithoutHasNextThrows(boolean pending) throws Throwable {
        log().clear();
        SampleRunner.mode(pending);
        try {
            AsyncStream<?> s =
                    (AsyncStream<?>)
                            SampleRunner.invoke(
                                    SampleRunner.sample("AsyncGenerators"), "guarded", 5);
            assertThrows(NoSuchElementException.class, s::next);
            assertEquals(true, Poller.drive(s.hasNext()));
            assertEquals("v0", s.next());
            assertThrows(NoSuchElementException.class, s::next);
            s.cancel();
            assertEquals(List.of("finally"), log());
            assertThrows(
                    java.util.concurrent.CancellationException.class,
                    () -> Poller.drive(s.hasNext()));
        } finally {
            SampleRunner.mode(false);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aProducerFailureComesOutOfHasNextAsTheOriginalObject(boolean pending) throws Throwable {
        SampleRunner.mode(pending);
        try {
            AsyncStream<?> s =
                    (AsyncStream<?>)
                            SampleRunner.invoke(SampleRunner.sample("AsyncGenerators"), "fails");
            assertEquals(true, Poller.drive(s.hasNext()));
            assertEquals("first", s.next());
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> Poller.drive(s.hasNext()));
            assertEquals("producer failed", e.getMessage());
            assertThrows(
                    IllegalArgumentException.class, () -> Poller.drive(s.hasNext()), "and again");
        } finally {
            SampleRunner.mode(false);
        }
    }

    @Test
    void theWeaverReportsTheKindAndTheCompanionExtendsTheAsyncGeneratorBase() throws Throwable {
        Class<?> c = SampleRunner.sample("AsyncGenerators");
        WeaveResult r = SampleRunner.LOADER.woven.get(c.getName());
        MethodReport squares =
                r.methods.stream()
                        .filter(m -> m.method.equals("squares"))
                        .findFirst()
                        .orElseThrow();
        assertEquals(CoroutineKind.ASYNC_GENERATOR, squares.kind);
        assertTrue(
                squares.describe().get(0).endsWith("async generator (AsyncStream)"),
                squares.describe().get(0));
        assertEquals(List.of(), r.rejections);
        Object s = SampleRunner.invoke(c, "squares", 1);
        assertEquals(
                "dev.weft.internal.coroutine.AsyncGeneratorCoroutine",
                s.getClass().getSuperclass().getName());
        assertTrue(
                s == ((AsyncStream<?>) s).hasNext(),
                "hasNext() returns the state object itself: no allocation");
    }

    @Test
    void awaitInAGeneratorSuggestsAsyncStreamAndYieldInAFutureMethodIsRejected() {
        assertTrue(
                Rejection.AWAIT_IN_GENERATOR.contains("declare AsyncStream<T>"),
                Rejection.AWAIT_IN_GENERATOR);
        assertTrue(
                Rejection.YIELD_OUTSIDE_GENERATOR.contains("AsyncStream<T>"),
                Rejection.YIELD_OUTSIDE_GENERATOR);
        SampleRunner.sample("Rejected");
        List<String> got =
                SampleRunner.LOADER.woven.get("dev.weft.agent.samples.Rejected").rejections.stream()
                        .map(x -> x.message)
                        .toList();
        assertTrue(
                got.stream()
                        .anyMatch(
                                m ->
                                        m.startsWith(
                                                        "dev.weft.agent.samples.Rejected.awaitInGenerator(Rejected.java:")
                                                && m.endsWith(Rejection.AWAIT_IN_GENERATOR)),
                got.toString());
        assertTrue(
                got.stream()
                        .anyMatch(
                                m ->
                                        m.startsWith(
                                                        "dev.weft.agent.samples.Rejected.yieldOutside(Rejected.java:")
                                                && m.endsWith(Rejection.YIELD_OUTSIDE_GENERATOR)),
                got.toString());
    }
}
