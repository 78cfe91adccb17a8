package dev.weft.internal.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Future;
import dev.weft.internal.task.Schedule;
import dev.weft.internal.task.Task;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The local ring and the inject queue, single-threaded and with one owner against thieves. */
class RunQueueTest {

    static final Schedule NOWHERE =
            new Schedule() {
                @Override
                public void schedule(Task<?> task) {}

                @Override
                public void release(Task<?> task) {}
            };

    static Task<Void> task() {
        return new Task<>(Future.done(), NOWHERE, null);
    }

    @Test
    void packedHeadRoundTripsWrappedIndices() {
        long h = RunQueue.pack(-5, Integer.MAX_VALUE);
        assertEquals(-5, RunQueue.steal(h));
        assertEquals(Integer.MAX_VALUE, RunQueue.real(h));
    }

    @Test
    void ownerPopsInFifoOrder() {
        RunQueue q = new RunQueue();
        InjectQueue inject = new InjectQueue();
        List<Task<?>> pushed = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Task<?> t = task();
            pushed.add(t);
            q.pushBack(t, inject);
        }
        for (Task<?> t : pushed) {
            assertSame(t, q.pop());
        }
        assertNull(q.pop());
        assertTrue(inject.isEmpty());
    }

    @Test
    void offerRefusesWhenFullAndKeepsTheRingIntact() {
        RunQueue q = new RunQueue();
        List<Task<?>> pushed = new ArrayList<>();
        for (int i = 0; i < RunQueue.CAPACITY; i++) {
            Task<?> t = task();
            pushed.add(t);
            assertTrue(q.offer(t));
        }
        assertFalse(q.offer(task()), "a full ring refuses");
        assertEquals(RunQueue.CAPACITY, q.size());
        assertSame(pushed.get(0), q.pop());
        Task<?> last = task();
        assertTrue(q.offer(last), "room again after a pop");
        for (int i = 1; i < RunQueue.CAPACITY; i++) {
            assertSame(pushed.get(i), q.pop());
        }
        assertSame(last, q.pop());
        assertNull(q.pop());
    }

    @Test
    void aFullRingMovesHalfOfItselfAndTheNewTaskToTheInjectQueue() {
        RunQueue q = new RunQueue();
        InjectQueue inject = new InjectQueue();
        for (int i = 0; i < RunQueue.CAPACITY + 1; i++) {
            q.pushBack(task(), inject);
        }
        assertEquals(RunQueue.CAPACITY / 2, q.size());
        assertEquals(RunQueue.CAPACITY / 2 + 1, inject.size());
    }

    @Test
    void aThiefTakesHalfRoundedUpAndRunsOne() {
        RunQueue victim = new RunQueue();
        RunQueue mine = new RunQueue();
        InjectQueue inject = new InjectQueue();
        for (int i = 0; i < 7; i++) {
            victim.pushBack(task(), inject);
        }
        Task<?> t = victim.stealInto(mine);
        assertTrue(t != null);
        assertEquals(3, victim.size());
        assertEquals(3, mine.size()); // 4 stolen: 3 queued, 1 returned to run
    }

    /** One owner pushing and popping, two thieves stealing: every task comes out exactly once. */
    @Test
    void ownerAndThievesNeverLoseOrDuplicateATask() throws Exception {
        int total = 200_000;
        RunQueue owner = new RunQueue();
        InjectQueue inject = new InjectQueue();
        Set<Task<?>> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Task<?>> all = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            all.add(task());
        }
        AtomicBoolean done = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger duplicates =
                new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> thieves = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            Thread th =
                    new Thread(
                            () -> {
                                RunQueue local = new RunQueue();
                                while (!done.get() || !owner.isEmpty()) {
                                    Task<?> t = owner.stealInto(local);
                                    if (t != null && !seen.add(t)) {
                                        duplicates.incrementAndGet();
                                    }
                                    Task<?> u;
                                    while ((u = local.pop()) != null) {
                                        if (!seen.add(u)) {
                                            duplicates.incrementAndGet();
                                        }
                                    }
                                }
                            });
            thieves.add(th);
            th.start();
        }
        for (int i = 0; i < total; i++) {
            owner.pushBack(all.get(i), inject);
            if (i % 3 == 0) {
                Task<?> t = owner.pop();
                if (t != null && !seen.add(t)) {
                    duplicates.incrementAndGet();
                }
            }
        }
        done.set(true);
        for (Thread th : thieves) {
            th.join();
        }
        Task<?> t;
        while ((t = owner.pop()) != null) {
            seen.add(t);
        }
        while ((t = inject.pop()) != null) {
            if (!seen.add(t)) {
                duplicates.incrementAndGet();
            }
        }
        assertEquals(0, duplicates.get());
        assertEquals(new HashSet<>(all), seen);
    }
}
