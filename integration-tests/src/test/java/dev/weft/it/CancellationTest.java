package dev.weft.it;

import static dev.weft.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.testkit.Drive;
import dev.weft.testkit.Leaf;
import dev.weft.testkit.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** Cancelling a suspended coroutine: its pending await cancels the leaf and throws inside. */
class CancellationTest {

    static Future<String> waitsForever(List<String> log, Leaf<String> never) {
        log.add("start");
        try {
            String v = await(never);
            log.add("resumed " + v);
            return Future.ready(v);
        } catch (CancellationException e) {
            log.add("cancelled inside");
            throw e;
        } finally {
            log.add("finally");
        }
    }

    @Test
    void cancellingASuspendedCoroutineCancelsItsLeafAndRunsFinally() {
        Drive.reset(Mode.PENDING, true);
        List<String> log = new ArrayList<>();
        Leaf<String> never = Leaf.never();
        Future<String> f = waitsForever(log, never);
        Context cx = Context.of(() -> {});
        assertFalse(f.poll(cx).isReady());
        assertFalse(never.isCancelled());
        f.cancel();
        assertTrue(never.isCancelled(), "the pending leaf is cancelled");
        assertEquals(List.of("start", "cancelled inside", "finally"), log);
        assertThrows(CancellationException.class, () -> f.poll(cx));
        f.cancel(); // idempotent
        assertEquals(3, log.size());
    }

    static Future<String> outer(List<String> log, Leaf<String> never) {
        try {
            String v = await(Leaf.of("a")) + await(middle(log, never));
            return Future.ready(v);
        } finally {
            log.add("outer finally");
        }
    }

    static Future<String> middle(List<String> log, Leaf<String> never) {
        try {
            return Future.ready(await(never));
        } finally {
            log.add("middle finally");
        }
    }

    @Test
    void cancellationFlowsDownThroughNestedCoroutines() {
        Drive.reset(Mode.PENDING, true);
        List<String> log = new ArrayList<>();
        Leaf<String> never = Leaf.never();
        Future<String> f = outer(log, never);
        Context cx = Context.of(() -> {});
        for (int i = 0; i < 5; i++) {
            assertFalse(f.poll(cx).isReady());
        }
        f.cancel();
        assertTrue(never.isCancelled());
        assertEquals(List.of("middle finally", "outer finally"), log);
    }

    @Test
    void cancellingANeverStartedCoroutineNeverRunsIt() {
        Drive.reset(Mode.PENDING, true);
        List<String> log = new ArrayList<>();
        Future<String> f = waitsForever(log, Leaf.never());
        f.cancel();
        assertEquals(List.of(), log);
        assertThrows(CancellationException.class, () -> f.poll(Context.of(() -> {})));
        assertEquals(List.of(), log);
    }

    static Future<String> catchesCancellation(List<String> log, Leaf<String> never) {
        try {
            return Future.ready(await(never));
        } catch (CancellationException e) {
            log.add("cleanup " + await(Leaf.of("ready")));
            throw e;
        }
    }

    @Test
    void aCancelledBodyMayStillAwaitReadyFuturesInItsHandler() {
        Drive.reset(Mode.READY, true);
        List<String> log = new ArrayList<>();
        Leaf<String> never = Leaf.never();
        Future<String> f = catchesCancellation(log, never);
        assertFalse(f.poll(Context.of(() -> {})).isReady());
        f.cancel();
        assertEquals(List.of("cleanup ready"), log);
    }
}
