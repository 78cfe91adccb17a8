package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.AsyncRuntime;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Futures;
import dev.weft.JoinHandle;
import dev.weft.Poll;
import dev.weft.testkit.CountingWaker;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two tasks pass a turn back and forth through two Notify objects with notifyOne, strictly
 * alternating (so at most one notification is ever outstanding and permits never coalesce),
 * while their waits are randomly cancelled by races and timeouts and then retried. A
 * notification granted to a wait that is cancelled must be passed on (here: stored as the
 * permit for the retry); one lost notification leaves both tasks waiting forever, which the hang
 * guard turns into a failure.
 */
@Tag("stress")
class NotifyStressTest {

    private static final int ROUNDS = 5_000;

    private static final class Player implements Future<Void> {
        private final Notify mine;
        private final Notify other;
        private final boolean serves;
        private final SplittableRandom rnd;
        private final AtomicInteger gaveUp;
        private int round;
        private boolean waited;
        private Future<Object> current;

        Player(Notify mine, Notify other, boolean serves, long seed, AtomicInteger gaveUp) {
            this.mine = mine;
            this.other = other;
            this.serves = serves;
            this.rnd = new SplittableRandom(seed);
            this.gaveUp = gaveUp;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            while (round < ROUNDS) {
                if (current == null && !waited) {
                    if (serves) {
                        other.notifyOne();
                    }
                    current = Interrupters.maybeInterrupted(mine.notified(), rnd);
                }
                if (!waited) {
                    Poll<Object> p = current.poll(cx);
                    if (!p.isReady()) {
                        return Poll.pending();
                    }
                    if (p.value() == Interrupters.GAVE_UP) {
                        gaveUp.incrementAndGet();
                        current =
                                Interrupters.maybeInterrupted(
                                        mine.notified(), rnd); // retry, no new turn
                        continue;
                    }
                    waited = true;
                }
                if (!serves) {
                    other.notifyOne();
                }
                current = null;
                waited = false;
                round++;
            }
            return Poll.ready(null);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"current-thread", "multi-thread"})
    void noNotificationIsLostToCancellation(String kind) {
        Notify a = new Notify();
        Notify b = new Notify();
        AtomicInteger gaveUp = new AtomicInteger();
        long seed = System.nanoTime();
        try (AsyncRuntime rt = Interrupters.runtime(kind)) {
            JoinHandle<Void> server = rt.spawn(new Player(a, b, true, seed, gaveUp));
            JoinHandle<Void> receiver = rt.spawn(new Player(b, a, false, seed + 1, gaveUp));
            Interrupters.blockOnOrFail(rt, Futures.all(server, receiver));
        }
        assertTrue(gaveUp.get() > 0, "some waits must have been cancelled (seed " + seed + ")");
        CountingWaker w = new CountingWaker();
        assertFalse(w.poll(a.notified()).isReady(), "a notification was duplicated");
        assertFalse(w.poll(b.notified()).isReady(), "a notification was duplicated");
    }
}
