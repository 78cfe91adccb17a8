package dev.weft.it;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.testkit.BothModes;
import dev.weft.testkit.Drive;
import dev.weft.testkit.Leaf;
import dev.weft.testkit.Mode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Lazy methods (dev.weft.Future: nothing runs until polled) versus eager ones
 * (CompletableFuture/CompletionStage: run on the caller's thread to the first suspension).
 */
class LazyAndEagerTest {

    static Future<Integer> lazy(List<String> log) {
        log.add("body started");
        int v = await(Leaf.of(1));
        log.add("after await");
        return Future.ready(v);
    }

    @BothModes
    void callingALazyAsyncMethodRunsNothingUntilPolled(Mode mode) {
        List<String> log = new ArrayList<>();
        Drive.reset(mode, true);
        Future<Integer> f = lazy(log);
        assertEquals(List.of(), log);
        assertEquals(1, Drive.poll(f, mode).value());
        assertEquals(List.of("body started", "after await"), log);
    }

    @Test
    void aLazyFutureAdvancesOneAwaitPerPendingPoll() {
        Drive.reset(Mode.PENDING, true);
        List<String> log = new ArrayList<>();
        Future<Integer> f = lazy(log);
        AtomicInteger wakes = new AtomicInteger();
        Context cx = Context.of(wakes::incrementAndGet);
        assertFalse(f.poll(cx).isReady());
        assertEquals(List.of("body started"), log);
        assertEquals(1, wakes.get(), "the first leaf wakes itself");
        Poll<Integer> p = f.poll(cx);
        assertTrue(p.isReady());
        assertEquals(1, p.value());
        assertEquals(List.of("body started", "after await"), log);
    }

    static Future<String> awaitStage(CompletionStage<String> stage) {
        String v = await(stage);
        return Future.ready(v + "!");
    }

    @Test
    void awaitingACompletionStageWakesWhenItCompletes() {
        CompletableFuture<String> cf = new CompletableFuture<>();
        AtomicInteger wakes = new AtomicInteger();
        Context cx = Context.of(wakes::incrementAndGet);
        Future<String> f = awaitStage(cf);
        assertFalse(f.poll(cx).isReady());
        assertEquals(0, wakes.get());
        cf.complete("done");
        assertTrue(wakes.get() >= 1, "completing the stage wakes the awaiting task");
        assertEquals("done!", f.poll(cx).value());

        assertEquals(
                "now!",
                Drive.value(
                        Mode.READY, () -> awaitStage(CompletableFuture.completedFuture("now"))));
    }

    static CompletableFuture<String> eager(List<String> log, CompletionStage<String> gate) {
        log.add("start on " + Thread.currentThread().getName());
        String v = await(gate);
        log.add("resumed on " + Thread.currentThread().getName());
        return CompletableFuture.completedFuture("got " + v);
    }

    @Test
    void eagerMethodRunsOnTheCallersThreadUntilItsFirstSuspension() throws Exception {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> gate = new CompletableFuture<>();
        String me = Thread.currentThread().getName();
        CompletableFuture<String> cf = eager(log, gate);
        assertEquals(List.of("start on " + me), log, "ran synchronously up to the pending await");
        assertFalse(cf.isDone());
        Thread completer = new Thread(() -> gate.complete("v"), "completer");
        completer.start();
        completer.join();
        assertEquals("got v", cf.get());
        assertEquals(
                List.of("start on " + me, "resumed on completer"),
                log,
                "resumed on the waking thread");
    }

    @Test
    void eagerMethodOverAReadyStageCompletesBeforeReturning() {
        List<String> log = new ArrayList<>();
        CompletableFuture<String> cf = eager(log, CompletableFuture.completedFuture("x"));
        assertTrue(cf.isDone());
        assertEquals("got x", cf.join());
        assertEquals(2, log.size());
    }

    static final IOException EAGER_FAILURE = new IOException("eager");

    static CompletionStage<Integer> eagerFailing(CompletionStage<Integer> gate) throws IOException {
        int v = await(gate);
        if (v > 0) {
            throw EAGER_FAILURE;
        }
        return CompletableFuture.completedFuture(v);
    }

    static CompletableFuture<Integer> eagerFailingBeforeAwait() {
        if (EAGER_FAILURE != null) {
            throw new IllegalArgumentException("sync");
        }
        return CompletableFuture.completedFuture(await(CompletableFuture.completedFuture(1)));
    }

    @Test
    void eagerFailureCompletesTheFutureExceptionallyWithTheOriginalException() throws Exception {
        CompletableFuture<Integer> gate = new CompletableFuture<>();
        CompletionStage<Integer> stage = eagerFailing(gate);
        gate.complete(1);
        Throwable seen = stage.toCompletableFuture().handle((v, e) -> e).join();
        assertSame(EAGER_FAILURE, seen);

        CompletableFuture<Integer> early = eagerFailingBeforeAwait(); // must not throw
        assertTrue(early.isCompletedExceptionally());
        assertEquals("sync", early.handle((v, e) -> e.getMessage()).join());
    }

    static CompletableFuture<Integer> eagerChain(CompletableFuture<Integer> gate) {
        int a = await(gate);
        int b = await(eagerInner(a));
        return CompletableFuture.completedFuture(a + b);
    }

    static CompletionStage<Integer> eagerInner(int a) {
        return CompletableFuture.completedFuture(
                await(CompletableFuture.supplyAsync(() -> a * 10)));
    }

    @Test
    void eagerMethodsAwaitingEachOther() {
        CompletableFuture<Integer> gate = new CompletableFuture<>();
        CompletableFuture<Integer> cf = eagerChain(gate);
        gate.complete(4);
        assertEquals(44, cf.join());
    }

    @BothModes
    void lazyMethodAwaitingAnEagerOne(Mode mode) {
        CompletableFuture<Integer> gate = CompletableFuture.completedFuture(2);
        assertEquals(22, Drive.value(mode, () -> lazyOverEager(gate)));
    }

    static Future<Integer> lazyOverEager(CompletableFuture<Integer> gate) {
        int x = await(Leaf.of(0));
        return Future.ready(x + await(eagerTimesEleven(gate)));
    }

    static CompletableFuture<Integer> eagerTimesEleven(CompletableFuture<Integer> gate) {
        return CompletableFuture.completedFuture(await(gate) * 11);
    }

    static CompletableFuture<String> eagerCancellable(
            CompletableFuture<String> gate, List<String> log) {
        try {
            return CompletableFuture.completedFuture(await(gate));
        } catch (java.util.concurrent.CancellationException e) {
            log.add("cancelled inside");
            throw e;
        } finally {
            log.add("finally");
        }
    }

    @Test
    void cancellingAnEagerMethodsFutureCancelsWhatItAwaitsAndRunsFinally() {
        List<String> log = new ArrayList<>();
        CompletableFuture<String> gate = new CompletableFuture<>();
        CompletableFuture<String> cf = eagerCancellable(gate, log);
        assertTrue(cf.cancel(true));
        assertEquals(List.of("cancelled inside", "finally"), log);
        assertTrue(gate.isCancelled(), "the awaited stage is cancelled too");
    }

    interface EagerService {
        default CompletionStage<String> greet(CompletionStage<String> name) {
            return CompletableFuture.completedFuture("hello " + await(name));
        }
    }

    record Adder(int x) {
        CompletableFuture<Integer> plus(CompletionStage<Integer> y) {
            return CompletableFuture.completedFuture(x + await(y));
        }
    }

    @Test
    void eagerInterfaceDefaultAndRecordMethods() {
        CompletableFuture<String> name = new CompletableFuture<>();
        CompletionStage<String> greeting = new EagerService() {}.greet(name);
        name.complete("weft");
        assertEquals("hello weft", greeting.toCompletableFuture().join());
        assertEquals(5, new Adder(2).plus(CompletableFuture.completedFuture(3)).join());
    }
}
