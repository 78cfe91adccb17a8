package dev.weft.internal.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.Poll;
import dev.weft.Waker;
import dev.weft.internal.context.CancelSignal;
import dev.weft.internal.context.Contexts;
import dev.weft.internal.context.RuntimeHandle;
import dev.weft.internal.time.TimerDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * What keeps an idle task small (issue 8): the context that holds only its task, the stripe kept
 * in the state word, and the complete task as its own ready poll. Each test checks behaviour
 * that the compact layout must preserve.
 */
class TaskShapeTest {

    /** A scheduler that is also a runtime, as every real one is; tasks are run by hand. */
    private static final class HandRuntime implements Schedule, RuntimeHandle {
        final List<Task<?>> queue = new ArrayList<>();

        @Override
        public void schedule(Task<?> task) {
            queue.add(task);
        }

        @Override
        public void release(Task<?> task) {}

        @Override
        public <T> JoinHandle<T> spawn(Future<T> future) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TimerDriver timers() {
            throw new UnsupportedOperationException();
        }

        void runAll() {
            while (!queue.isEmpty()) {
                queue.remove(0).run();
            }
        }
    }

    @Test
    void aTasksContextIsTheTaskItselfAndFollowsItsCancellation() {
        HandRuntime rt = new HandRuntime();
        AtomicReference<Context> seen = new AtomicReference<>();
        List<Boolean> cancelledAtPoll = new ArrayList<>();
        Task<String> task =
                new Task<>(
                        cx -> {
                            seen.set(cx);
                            cancelledAtPoll.add(cx.isCancelled());
                            return Poll.pending();
                        },
                        rt,
                        rt);
        rt.schedule(task);
        rt.runAll();
        Context cx = seen.get();
        assertSame(task, cx.waker());
        assertSame(task, Contexts.cancelSignal(cx));
        assertSame(rt, Contexts.runtime(cx));
        assertFalse(cx.isCancelled());
        task.cancel();
        assertTrue(cx.isCancelled(), "the context reads the task's cancel bit");
        Context child = Contexts.withCancel(cx, CancelSignal.ALWAYS);
        assertSame(task, child.waker());
        assertSame(rt, Contexts.runtime(child));
        assertTrue(child.isCancelled());
        Context rewoken = Contexts.withWaker(cx, () -> {});
        assertTrue(rewoken.isCancelled(), "withWaker keeps the task's cancellation");
        rt.runAll();
        assertTrue(task.isDone());
        assertEquals(List.of(false), cancelledAtPoll);
    }

    @Test
    void aTaskOnlyRunsOnItsOwnRuntime() {
        HandRuntime rt = new HandRuntime();
        HandRuntime other = new HandRuntime();
        assertThrows(IllegalArgumentException.class, () -> new Task<>(Future.done(), rt, other));
        Task<Void> bare = new Task<>(Future.done(), rt, null);
        assertSame(rt, bare.contextRuntime(), "the scheduler is the runtime");
    }

    @Test
    void contextsMadeByHandKeepTheirParts() {
        Waker w = () -> {};
        Context cx = Contexts.create(w, CancelSignal.ALWAYS, null);
        assertSame(w, cx.waker());
        assertTrue(cx.isCancelled());
        assertNull(Contexts.runtime(cx));
        Context of = Context.of(w);
        assertSame(w, of.waker());
        assertFalse(of.isCancelled());
        assertThrows(NullPointerException.class, () -> Context.of(null));
    }

    @Test
    void aCompleteTaskIsItsOwnReadyPollAndAFailedOneRethrows() {
        HandRuntime rt = new HandRuntime();
        Task<String> ok = new Task<>(Future.ready("v"), rt, rt);
        assertFalse(ok.isReady(), "not ready before it ran");
        assertThrows(IllegalStateException.class, ok::value);
        rt.schedule(ok);
        rt.runAll();
        Poll<String> p = ok.poll(Context.of(() -> {}));
        assertSame(ok, p, "joining allocates no Ready");
        assertTrue(p.isReady());
        assertEquals("v", p.value());

        IllegalStateException boom = new IllegalStateException("boom");
        Task<String> bad = new Task<>(Future.failed(boom), rt, rt);
        rt.schedule(bad);
        rt.runAll();
        assertFalse(bad.isReady());
        assertSame(
                boom,
                assertThrows(IllegalStateException.class, () -> bad.poll(Context.of(() -> {}))));
    }

    @Test
    void theStripeLivesInTheStateWordAndSurvivesEveryTransition() {
        HandRuntime rt = new HandRuntime();
        Task<String> task = new Task<>(cx -> Poll.pending(), rt, rt);
        assertEquals(-1, task.stripe());
        task.bindStripe(13);
        assertEquals(13, task.stripe());
        assertEquals(TaskState.SCHEDULED, task.stateWord(), "the flags are untouched");
        assertEquals(TaskState.Run.POLL, task.transitionToRunning());
        assertEquals(TaskState.Submit.NOTHING, task.transitionToScheduled());
        assertEquals("RUNNING|NOTIFIED", TaskState.describe(task.stateWord()));
        assertEquals(TaskState.Idle.RESCHEDULE, task.transitionToIdle());
        task.transitionToCancelled();
        task.transitionToComplete();
        assertEquals("COMPLETE|CANCELLED", TaskState.describe(task.stateWord()));
        assertEquals(13, task.stripe());
    }

    @Test
    void removingTwiceFromTheTaskListLeavesTheOthersListed() {
        HandRuntime rt = new HandRuntime();
        TaskList list = new TaskList(1);
        List<Task<?>> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Task<Void> t = new Task<>(Future.done(), rt, rt);
            assertTrue(list.add(t));
            tasks.add(t);
        }
        list.remove(tasks.get(1));
        list.remove(tasks.get(1));
        list.remove(tasks.get(0));
        list.remove(tasks.get(0));
        assertEquals(1, list.size());
        List<Task<?>> live = list.close();
        assertEquals(List.of(tasks.get(2)), live);
        Task<Void> late = new Task<>(Future.done(), rt, rt);
        assertFalse(list.add(late));
        list.remove(late); // never listed: nothing to do
        assertEquals(1, list.size());
    }
}
