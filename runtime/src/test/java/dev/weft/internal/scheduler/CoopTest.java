package dev.weft.internal.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.internal.context.Coop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cooperative budget: who spends it, when leaves say Pending, and that the task comes back. */
class CoopTest {

    @Test
    void aTaskCompletesBudgetLeafOperationsPerPollThenYields() {
        WorkStealingScheduler rt = new WorkStealingScheduler(1, "weft-coop-");
        try {
            List<Integer> readyPerPoll = new ArrayList<>();
            int total = Coop.BUDGET * 3 + 5;
            int got =
                    rt.blockOn(
                            rt.spawn(
                                    new Future<Integer>() {
                                        int done;

                                        @Override
                                        public Poll<Integer> poll(Context cx) {
                                            int thisPoll = 0;
                                            while (done < total) {
                                                if (!Future.ready(1).poll(cx).isReady()) {
                                                    readyPerPoll.add(thisPoll);
                                                    return Poll
                                                            .pending(); // the leaf already woke us
                                                }
                                                done++;
                                                thisPoll++;
                                            }
                                            readyPerPoll.add(thisPoll);
                                            return Poll.ready(done);
                                        }
                                    }));
            assertEquals(total, got);
            assertEquals(List.of(Coop.BUDGET, Coop.BUDGET, Coop.BUDGET, 5), readyPerPoll);
        } finally {
            rt.shutdown();
        }
    }

    /**
     * Futures polled on a worker with another waker (an eager coroutine resumed inline, a
     * cancellation re-poll) do not spend, and are not refused by, the task's budget: an eager
     * coroutine re-runs at once when woken during its run, so a Pending from a spent budget
     * would spin the worker forever.
     */
    @Test
    void onlyTheTaskBeingPolledSpendsTheBudget() {
        WorkStealingScheduler rt = new WorkStealingScheduler(1, "weft-coop-");
        try {
            boolean foreignReady =
                    rt.blockOn(
                            rt.spawn(
                                    new Future<Boolean>() {
                                        @Override
                                        public Poll<Boolean> poll(Context cx) {
                                            while (Future.ready(1).poll(cx).isReady()) {
                                                // spend the task's budget
                                            }
                                            Context other = Context.of(() -> {});
                                            for (int i = 0; i < Coop.BUDGET * 2; i++) {
                                                if (!Future.ready(1).poll(other).isReady()) {
                                                    return Poll.ready(false);
                                                }
                                            }
                                            return Poll.ready(true);
                                        }
                                    }));
            assertTrue(
                    foreignReady, "a foreign context on a worker was refused by the task's budget");
        } finally {
            rt.shutdown();
        }
    }
}
