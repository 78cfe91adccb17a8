package dev.weft.internal.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.AsyncRuntime;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.Poll;
import dev.weft.Waker;
import dev.weft.internal.coroutine.Await;
import dev.weft.internal.coroutine.Coroutine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/**
 * A task woken deep in a chain of lazy frames resumes the innermost frame only while it stays
 * pending (the loop of Coroutine.poll), and the chain behaves as if every frame had been re-polled:
 * values, failures, catch blocks and cancellation reach the outer frames.
 */
class InnermostResumeTest {

    /** A leaf completed by hand; it keeps the latest waker, counts its polls and its cancel. */
    static final class Leaf implements Future<Long> {
        Waker waker;
        Long value;
        RuntimeException error;
        int polls;
        boolean cancelled;

        @Override
        public Poll<Long> poll(Context cx) {
            polls++;
            if (error != null) {
                throw error;
            }
            if (value != null) {
                return Poll.ready(value);
            }
            waker = cx.waker();
            return Poll.pending();
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    /**
     * What the weaver makes of {@code try { return ready(await(inner) + 1); } catch (E e) {
     * return ready(-1); }} (the catch only when {@code catching}): it counts its resumes.
     */
    static final class Frame extends Coroutine<Long> {
        final Future<Long> inner;
        final boolean catching;
        int resumes;
        boolean sawCancellation;

        Frame(Future<Long> inner, boolean catching) {
            this.inner = inner;
            this.catching = catching;
        }

        @Override
        protected Object resume(Context cx) {
            resumes++;
            Future<?> f = state == 0 ? inner : awaiting;
            awaiting = null;
            try {
                Object v = Await.step(f, cx);
                if (v == Await.SUSPENDED) {
                    awaiting = f;
                    state = 1;
                    return Await.SUSPENDED;
                }
                return Future.ready((Long) v + 1);
            } catch (CancellationException e) {
                sawCancellation = true;
                throw e;
            } catch (IllegalStateException e) {
                if (catching) {
                    return Future.ready(-1L);
                }
                throw e;
            }
        }
    }

    /** frames.get(0) is the outermost; the innermost awaits {@code leaf}. */
    private static List<Frame> chain(int depth, Leaf leaf, int catchingAt) {
        List<Frame> frames = new ArrayList<>();
        Future<Long> f = leaf;
        for (int d = depth - 1; d >= 0; d--) {
            Frame fr = new Frame(f, d == catchingAt);
            frames.add(0, fr);
            f = fr;
        }
        return frames;
    }

    @Test
    void wakesWhileTheLeafIsPendingResumeOnlyTheInnermostFrameAndTheValueReachesTheTop() {
        try (AsyncRuntime rt = AsyncRuntime.currentThread()) {
            Leaf leaf = new Leaf();
            List<Frame> frames = chain(8, leaf, -1);
            JoinHandle<Long> h = rt.spawn(frames.get(0));
            rt.blockOn(dev.weft.Async.yieldNow()); // the task's first poll
            assertEquals(1, leaf.polls);
            for (int i = 0; i < 5; i++) {
                leaf.waker.wake();
                rt.blockOn(dev.weft.Async.yieldNow());
            }
            assertEquals(6, leaf.polls, "each wake polled the leaf once");
            for (int i = 0; i < 7; i++) {
                assertEquals(1, frames.get(i).resumes, "outer frame " + i + " was not re-polled");
            }
            assertEquals(6, frames.get(7).resumes);
            leaf.value = 100L;
            leaf.waker.wake();
            assertEquals(108L, rt.blockOn(h));
            for (int i = 0; i < 7; i++) {
                assertEquals(2, frames.get(i).resumes, "outer frame " + i + " continued once");
            }
        }
    }

    @Test
    void aFailureOfTheInnermostFrameIsThrownAtEachOuterAwaitAndCaughtWhereCaught() {
        try (AsyncRuntime rt = AsyncRuntime.currentThread()) {
            Leaf leaf = new Leaf();
            List<Frame> frames = chain(6, leaf, 2);
            JoinHandle<Long> h = rt.spawn(frames.get(0));
            rt.blockOn(dev.weft.Async.yieldNow());
            leaf.waker.wake();
            rt.blockOn(dev.weft.Async.yieldNow());
            leaf.error = new IllegalStateException("leaf failed");
            leaf.waker.wake();
            assertEquals(
                    -1L + 2,
                    rt.blockOn(h),
                    "frame 2 caught it and answered -1; frames 1 and 0 added one each");

            Leaf leaf2 = new Leaf();
            List<Frame> uncaught = chain(6, leaf2, -1);
            JoinHandle<Long> h2 = rt.spawn(uncaught.get(0));
            rt.blockOn(dev.weft.Async.yieldNow());
            IllegalStateException boom = new IllegalStateException("boom");
            leaf2.error = boom;
            leaf2.waker.wake();
            assertSame(boom, assertThrows(IllegalStateException.class, () -> rt.blockOn(h2)));
        }
    }

    @Test
    void cancellingADeepTaskCancelsTheLeafAndRunsEveryFramesHandler() {
        try (AsyncRuntime rt = AsyncRuntime.currentThread()) {
            Leaf leaf = new Leaf();
            List<Frame> frames = chain(5, leaf, -1);
            JoinHandle<Long> h = rt.spawn(frames.get(0));
            rt.blockOn(dev.weft.Async.yieldNow());
            leaf.waker.wake();
            rt.blockOn(dev.weft.Async.yieldNow());
            h.cancel();
            assertThrows(CancellationException.class, () -> rt.blockOn(h));
            assertTrue(leaf.cancelled, "the innermost await cancelled its leaf");
            for (Frame f : frames) {
                assertTrue(f.sawCancellation, "every frame's await threw CancellationException");
            }
        }
    }
}
