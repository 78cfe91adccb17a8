package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.AsyncRuntime;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.internal.context.Coop;
import dev.weft.testkit.CountingWaker;
import org.junit.jupiter.api.Test;

/**
 * Channel operations spend the cooperative budget on the work-stealing runtime: a task that
 * drains a channel which always has a value still returns to its worker every
 * {@link Coop#BUDGET} operations, and the budget-spent Pending loses and reorders nothing.
 */
class CoopBudgetTest {

    private static final int VALUES = 10 * Coop.BUDGET;

    /** Receives VALUES values in one loop, counting its own polls and checking the order. */
    private static final class Drain implements Future<Integer> {
        private final Channel<Integer> ch;
        private Future<Integer> next;
        private int expected;
        int polls;

        Drain(Channel<Integer> ch) {
            this.ch = ch;
        }

        @Override
        public Poll<Integer> poll(Context cx) {
            polls++;
            while (expected < VALUES) {
                if (next == null) {
                    next = ch.receive();
                }
                Poll<Integer> p = next.poll(cx);
                if (!p.isReady()) {
                    return Poll.pending();
                }
                next = null;
                assertEquals(expected, p.value());
                expected++;
            }
            return Poll.ready(polls);
        }
    }

    @Test
    void drainingAFullChannelYieldsEveryBudget() {
        Channel<Integer> ch = Channel.unbounded();
        for (int i = 0; i < VALUES; i++) {
            assertTrue(ch.trySend(i));
        }
        try (AsyncRuntime rt = AsyncRuntime.builder().workers(1).build()) {
            int polls = rt.blockOn(rt.spawn(new Drain(ch)));
            assertTrue(
                    polls >= VALUES / Coop.BUDGET, "the task never yielded: " + polls + " polls");
        }
        ch.close();
        assertEquals(null, new CountingWaker().ready(ch.receive()), "nothing left over");
    }
}
