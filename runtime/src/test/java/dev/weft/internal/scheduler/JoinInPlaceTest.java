package dev.weft.internal.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.Poll;
import dev.weft.Waker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Join in place (lazy fork): a child spawned by a task's poll waits in its worker's fork stack,
 * and the parent's join of it runs it right there, on the parent's stack. One worker, so no
 * thief can take a child first and every assertion is deterministic.
 */
class JoinInPlaceTest {

    private static AsyncRuntime oneWorker() {
        return AsyncRuntime.builder().workers(1).build();
    }

    /** Spawns {@code n} children and joins them in order, counting its own polls. */
    static final class FanOut implements Future<Long> {
        final int n;
        final Thread[] ranOn;
        final List<JoinHandle<Long>> children = new ArrayList<>();
        int polls;
        int next;
        long sum;
        Thread pollingThread;

        FanOut(int n) {
            this.n = n;
            this.ranOn = new Thread[n];
        }

        @Override
        public Poll<Long> poll(Context cx) {
            polls++;
            pollingThread = Thread.currentThread();
            if (children.isEmpty()) {
                for (int i = 0; i < n; i++) {
                    int k = i;
                    children.add(
                            Async.spawn(
                                    c -> {
                                        ranOn[k] = Thread.currentThread();
                                        return Poll.ready((long) k);
                                    }));
                }
            }
            while (next < n) {
                Poll<Long> p = children.get(next).poll(cx);
                if (!p.isReady()) {
                    return Poll.pending();
                }
                sum += p.value();
                next++;
            }
            return Poll.ready(sum);
        }
    }

    @Test
    void joiningAChildNotYetStartedRunsItInPlaceWithoutSuspending() {
        try (AsyncRuntime rt = oneWorker()) {
            FanOut parent = new FanOut(10);
            long pollsBefore = rt.metrics().polls();
            assertEquals(45L, rt.blockOn(rt.spawn(parent)));
            // each child's poll in place counts as a poll of its own
            assertEquals(11, rt.metrics().polls() - pollsBefore);
            // before: every join of a child not yet run returned Pending, so the parent was
            // polled again after each child
            assertEquals(1, parent.polls, "the parent never suspended");
            for (Thread t : parent.ranOn) {
                assertEquals(parent.pollingThread, t);
            }
        }
    }

    /** Pending until opened from outside; records its polls. */
    static final class Gate implements Future<String> {
        volatile boolean open;
        volatile Waker waker;
        final CountDownLatch firstPoll = new CountDownLatch(1);
        final AtomicInteger polls = new AtomicInteger();
        volatile boolean firstPollInsideParent;

        @Override
        public Poll<String> poll(Context cx) {
            int n = polls.incrementAndGet();
            waker = cx.waker();
            firstPoll.countDown();
            // the first poll is always pending, even if the test opens the gate meanwhile
            return n > 1 && open ? Poll.ready("opened") : Poll.pending();
        }
    }

    @Test
    void aChildThatSuspendsWhenJoinedInPlaceIsAnOrdinaryTaskAfterwards() throws Exception {
        try (AsyncRuntime rt = oneWorker()) {
            Gate gate = new Gate();
            AtomicBoolean parentPolling = new AtomicBoolean();
            AtomicInteger parentPolls = new AtomicInteger();
            JoinHandle<String> parent =
                    rt.spawn(
                            new Future<>() {
                                JoinHandle<String> child;

                                @Override
                                public Poll<String> poll(Context cx) {
                                    parentPolls.incrementAndGet();
                                    parentPolling.set(true);
                                    try {
                                        if (child == null) {
                                            child =
                                                    Async.spawn(
                                                            c -> {
                                                                if (gate.polls.get() == 0) {
                                                                    gate.firstPollInsideParent =
                                                                            parentPolling.get();
                                                                }
                                                                return gate.poll(c);
                                                            });
                                        }
                                        return child.poll(cx);
                                    } finally {
                                        parentPolling.set(false);
                                    }
                                }
                            });
            assertTrue(gate.firstPoll.await(10, TimeUnit.SECONDS));
            assertTrue(gate.firstPollInsideParent, "the child's first poll ran inside the join");
            assertFalse(parent.isDone());
            gate.open = true;
            gate.waker.wake();
            assertEquals("opened", rt.blockOn(parent));
            assertEquals(2, gate.polls.get());
            assertEquals(2, parentPolls.get(), "woken once, by the child's completion");
        }
    }

    @Test
    void aChildCancelledBeforeItsJoinIsCancelledNotPolled() {
        try (AsyncRuntime rt = oneWorker()) {
            AtomicInteger polls = new AtomicInteger();
            AtomicInteger cancels = new AtomicInteger();
            Future<String> child =
                    new Future<>() {
                        @Override
                        public Poll<String> poll(Context c) {
                            polls.incrementAndGet();
                            return Poll.ready("polled");
                        }

                        @Override
                        public void cancel() {
                            cancels.incrementAndGet();
                        }
                    };
            String outcome =
                    rt.blockOn(
                            rt.spawn(
                                    new Future<String>() {
                                        JoinHandle<String> handle;

                                        @Override
                                        public Poll<String> poll(Context cx) {
                                            if (handle == null) {
                                                handle = Async.spawn(child);
                                                handle.cancel();
                                            }
                                            try {
                                                return handle.poll(cx);
                                            } catch (CancellationException e) {
                                                return Poll.ready("cancelled");
                                            }
                                        }
                                    }));
            assertEquals("cancelled", outcome);
            assertEquals(0, polls.get());
            assertEquals(1, cancels.get());
        }
    }

    @Test
    void childrenJoinedInPlaceSpendTheParentsBudgetSoItStillYields() {
        try (AsyncRuntime rt = oneWorker()) {
            AtomicBoolean otherRan = new AtomicBoolean();
            AtomicBoolean otherSpawned = new AtomicBoolean();
            int joins = 10_000;
            int[] seenAt = {-1};
            int[] polls = {0};
            JoinHandle<Void> busy =
                    rt.spawn(
                            new Future<>() {
                                int i;

                                @Override
                                public Poll<Void> poll(Context cx) {
                                    polls[0]++;
                                    while (!otherSpawned.get()) {
                                        // the other task must be queued before the joins begin:
                                        // on a loaded machine this thread could otherwise finish
                                        // all of them before the test thread spawns it
                                        Thread.onSpinWait();
                                    }
                                    for (; i < joins; i++) {
                                        if (otherRan.get() && seenAt[0] < 0) {
                                            seenAt[0] = i;
                                        }
                                        Poll<Integer> p = Async.spawn(Future.ready(i)).poll(cx);
                                        if (!p.isReady()) {
                                            i++; // the child completes on its own; not awaited
                                            // again
                                            return Poll.pending();
                                        }
                                    }
                                    return Poll.ready(null);
                                }
                            });
            rt.spawn(
                    cx -> {
                        otherRan.set(true);
                        return Poll.ready(null);
                    });
            otherSpawned.set(true);
            rt.blockOn(busy);
            assertTrue(seenAt[0] >= 0 && seenAt[0] < joins, "another task ran in between");
            // before: every join suspended once (polls ~ joins); now a poll joins about a
            // budget's worth of children in place before it yields
            assertTrue(polls[0] > 1 && polls[0] < joins / 10, "polls: " + polls[0]);
        }
    }

    /** A chain: each link spawns the next and joins it. */
    static Future<Integer> chain(int depth) {
        if (depth == 0) {
            return Future.ready(0);
        }
        return new Future<>() {
            JoinHandle<Integer> next;

            @Override
            public Poll<Integer> poll(Context cx) {
                if (next == null) {
                    next = Async.spawn(chain(depth - 1));
                }
                Poll<Integer> p = next.poll(cx);
                return p.isReady() ? Poll.ready(p.value() + 1) : Poll.pending();
            }
        };
    }

    @Test
    void joinsInPlaceNestOnlyToABoundedDepth() {
        try (AsyncRuntime rt = oneWorker()) {
            // 100,000 nested joins in place would overflow the stack; beyond the bound a join
            // suspends as before
            assertEquals(100_000, rt.blockOn(rt.spawn(chain(100_000))));
        }
    }

    @Test
    void aChildNobodyJoinsStillRuns() throws Exception {
        try (AsyncRuntime rt = oneWorker()) {
            CountDownLatch ran = new CountDownLatch(1);
            rt.blockOn(
                    rt.spawn(
                            cx -> {
                                Async.spawn(
                                        c -> {
                                            ran.countDown();
                                            return Poll.ready(null);
                                        });
                                return Poll.ready(null);
                            }));
            assertTrue(ran.await(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aChildKeptBackWhenTheRuntimeClosesIsCancelledNotPolled() throws Exception {
        AsyncRuntime rt = oneWorker();
        AtomicInteger polls = new AtomicInteger();
        AtomicInteger cancels = new AtomicInteger();
        CountDownLatch spawned = new CountDownLatch(1);
        List<JoinHandle<String>> child = new java.util.concurrent.CopyOnWriteArrayList<>();
        rt.spawn(
                cx -> {
                    child.add(
                            Async.spawn(
                                    new Future<String>() {
                                        @Override
                                        public Poll<String> poll(Context c) {
                                            polls.incrementAndGet();
                                            return Poll.ready("polled");
                                        }

                                        @Override
                                        public void cancel() {
                                            cancels.incrementAndGet();
                                        }
                                    }));
                    // kept back, so not among the live tasks close() cancels: the end of this
                    // poll must list it or, the runtime being closed, cancel it
                    rt.close();
                    spawned.countDown();
                    return Poll.ready(null);
                });
        assertTrue(spawned.await(10, TimeUnit.SECONDS));
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                !child.get(0).isDone() && System.nanoTime() < end; ) {
            Thread.sleep(1);
        }
        assertTrue(child.get(0).isDone());
        assertEquals(0, polls.get());
        assertEquals(1, cancels.get());
    }
}
