package dev.weft.internal.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Async;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.Poll;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Steals from fork stacks racing with joins in place: four workers (oversubscribed on small
 * machines, so workers run dry, search and steal while others join) run trees whose parents
 * keep their children back and join them in order. Every child is taken from its fork stack
 * exactly once, by its parent's join or by a thief: each leaf is polled exactly once, no two
 * threads poll one task ({@link Instrumented}), and nothing is left queued or live after close.
 */
@Tag("stress")
class ForkStealStressTest {

    /**
     * Two shapes, alternating: a tree (8 × 8 × 8: thieves take the outer polls' children while
     * the owner joins inner ones) and a flat fan-out of a full fork stack (64: the oldest
     * child, which a thief takes, is the very one the parent joins next).
     */
    private static final int[][] SHAPES = {{8, 3}, {ForkStack.CAPACITY, 1}};

    /** Spawns {@code fan} children (leaves below depth 0), then joins them in spawn order. */
    private static Future<Long> node(int fan, int depth, int first, AtomicIntegerArray polls) {
        if (depth == 0) {
            return cx -> {
                polls.incrementAndGet(first);
                long x = first;
                for (int i = (first & 7) * 100; i > 0; i--) {
                    x = x * 6364136223846793005L + 1442695040888963407L; // uneven work
                }
                return Poll.ready(x == 42 ? -1L : first);
            };
        }
        int width = (int) Math.pow(fan, depth - 1);
        return new Future<Long>() {
            final List<JoinHandle<Long>> children = new ArrayList<>();
            int next;
            long sum;

            @Override
            public Poll<Long> poll(Context cx) {
                if (children.isEmpty()) {
                    for (int i = 0; i < fan; i++) {
                        children.add(
                                Async.spawn(
                                        Instrumented.of(
                                                node(fan, depth - 1, first + i * width, polls))));
                    }
                }
                while (next < fan) {
                    Poll<Long> p = children.get(next).poll(cx);
                    if (!p.isReady()) {
                        return Poll.pending();
                    }
                    sum += p.value();
                    next++;
                }
                return Poll.ready(sum);
            }
        };
    }

    @Test
    void everyKeptBackChildIsTakenOnceByItsJoinOrByAThief() throws Exception {
        Instrumented.VIOLATIONS.set(0);
        WorkStealingScheduler rt = new WorkStealingScheduler(4, "weft-forksteal-");
        long steals = 0;
        try {
            int rounds = 4_000 * WorkStealingStressTest.SCALE;
            for (int r = 0; r < rounds; r++) {
                int fan = SHAPES[r % 2][0];
                int depth = SHAPES[r % 2][1];
                int leaves = (int) Math.pow(fan, depth);
                AtomicIntegerArray polls = new AtomicIntegerArray(leaves);
                long sum =
                        rt.spawn(Instrumented.of(node(fan, depth, 0, polls)))
                                .toCompletableFuture()
                                .get(WorkStealingStressTest.GUARD.toSeconds(), TimeUnit.SECONDS);
                assertEquals((long) leaves * (leaves - 1) / 2, sum);
                for (int i = 0; i < leaves; i++) {
                    assertEquals(1, polls.get(i), "polls of leaf " + i);
                }
            }
            for (dev.weft.internal.metrics.WorkerCounters c : rt.workerCounters()) {
                steals += c.steals();
            }
        } finally {
            rt.shutdown();
        }
        assertEquals(0, Instrumented.VIOLATIONS.get());
        assertEquals(0, rt.queuedTasks());
        assertEquals(0, rt.liveTasks());
        assertTrue(steals > 0, "no worker ever stole: the race was not exercised");
    }
}
