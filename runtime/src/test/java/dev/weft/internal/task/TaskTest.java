package dev.weft.internal.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.Waker;
import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The poll/wake contract of one task, with a run queue driven by hand. */
class TaskTest {

    /** A run queue the test drains by hand. */
    private static final class HandQueue implements Schedule {
        final ArrayDeque<Task<?>> queue = new ArrayDeque<>();
        int scheduled;
        int released;

        @Override
        public void schedule(Task<?> task) {
            scheduled++;
            queue.add(task);
        }

        @Override
        public void release(Task<?> task) {
            released++;
        }

        int runAll() {
            int n = 0;
            Task<?> t;
            while ((t = queue.poll()) != null) {
                t.run();
                n++;
            }
            return n;
        }
    }

    @Test
    void pollWakeRepollComplete() {
        HandQueue q = new HandQueue();
        AtomicInteger polls = new AtomicInteger();
        Waker[] saved = new Waker[1];
        Task<String> task =
                new Task<>(
                        cx -> {
                            saved[0] = cx.waker();
                            return polls.incrementAndGet() < 3
                                    ? Poll.pending()
                                    : Poll.ready("done");
                        },
                        q,
                        null);
        q.schedule(task);
        assertEquals(1, q.runAll());
        assertSame(task, saved[0], "the task is its own waker");
        assertEquals(0, q.runAll(), "not re-polled without a wake");
        for (int i = 0; i < 1000; i++) {
            saved[0].wake();
        }
        assertEquals(1, q.runAll(), "1000 wakes of an idle task: one poll");
        saved[0].wake();
        assertEquals(1, q.runAll());
        assertTrue(task.isDone());
        assertEquals(1, q.released);
        assertEquals("done", task.poll(Context.of(() -> {})).value());
        saved[0].wake();
        task.cancel();
        assertEquals(0, q.queue.size(), "wakes and cancels after completion do nothing");
    }

    @Test
    void thousandWakesDuringOnePollRequeueExactlyOnceAfterIt() {
        HandQueue q = new HandQueue();
        AtomicInteger polls = new AtomicInteger();
        Task<Integer> task =
                new Task<>(
                        cx -> {
                            if (polls.incrementAndGet() == 1) {
                                for (int i = 0; i < 1000; i++) {
                                    cx.waker().wake();
                                }
                                assertTrue(
                                        q.queue.isEmpty(),
                                        "nothing is enqueued while the poll runs");
                                return Poll.pending();
                            }
                            return Poll.ready(polls.get());
                        },
                        q,
                        null);
        q.schedule(task);
        assertEquals(1, q.queue.size());
        q.queue.poll().run();
        assertEquals(2, q.scheduled, "the initial submit plus exactly one re-queue");
        assertEquals(1, q.queue.size());
        q.runAll();
        assertEquals(2, polls.get());
    }

    @Test
    void joinerIsWokenOnCompletionAndGetsTheOriginalFailure() {
        HandQueue q = new HandQueue();
        IllegalStateException boom = new IllegalStateException("boom");
        boolean[] fail = {false};
        Task<String> task =
                new Task<>(
                        cx -> {
                            if (fail[0]) {
                                throw boom;
                            }
                            return Poll.pending();
                        },
                        q,
                        null);
        q.schedule(task);
        q.runAll();
        AtomicInteger joinerWakes = new AtomicInteger();
        Context joiner = Context.of(joinerWakes::incrementAndGet);
        assertFalse(task.poll(joiner).isReady());
        fail[0] = true;
        task.wake();
        q.runAll();
        assertEquals(1, joinerWakes.get());
        assertSame(boom, assertThrows(IllegalStateException.class, () -> task.poll(joiner)));
        assertSame(boom, task.toCompletableFuture().handle((v, e) -> e).join());
    }

    @Test
    void cancelCallsTheFutureCancelOnTheRunningThread() {
        HandQueue q = new HandQueue();
        AtomicInteger cancels = new AtomicInteger();
        Task<String> task =
                new Task<>(
                        new Future<>() {
                            @Override
                            public Poll<String> poll(Context cx) {
                                return Poll.pending();
                            }

                            @Override
                            public void cancel() {
                                cancels.incrementAndGet();
                            }
                        },
                        q,
                        null);
        q.schedule(task);
        q.runAll();
        task.cancel();
        assertTrue(task.isCancelled());
        assertEquals(0, cancels.get(), "cancel only requests; the executor cancels");
        assertFalse(task.isDone());
        q.runAll();
        assertEquals(1, cancels.get());
        assertTrue(task.isDone());
        assertThrows(CancellationException.class, () -> task.poll(Context.of(() -> {})));
    }
}
