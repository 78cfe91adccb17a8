package dev.weft.internal.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each named transition of the state word, from each state it can meet. */
class TaskStateTest {

    /** A bare state word, driven by hand (its Poll view is not under test here). */
    private static final class Word extends TaskState<Void> {
        @Override
        public boolean isReady() {
            return false;
        }

        @Override
        public Void value() {
            throw new IllegalStateException();
        }
    }

    private static Word idle() {
        Word w = new Word();
        assertEquals(TaskState.Run.POLL, w.transitionToRunning());
        assertEquals(TaskState.Idle.IDLE, w.transitionToIdle());
        assertEquals(0, w.stateWord());
        return w;
    }

    @Test
    void aNewTaskIsScheduledAndWakesDoNothingUntilItRuns() {
        Word w = new Word();
        assertEquals(TaskState.SCHEDULED, w.stateWord());
        assertEquals(TaskState.Submit.NOTHING, w.transitionToScheduled());
    }

    @Test
    void manyWakesOfAnIdleTaskSubmitOnce() {
        Word w = idle();
        assertEquals(TaskState.Submit.SUBMIT, w.transitionToScheduled());
        for (int i = 0; i < 1000; i++) {
            assertEquals(TaskState.Submit.NOTHING, w.transitionToScheduled());
        }
        assertEquals("SCHEDULED", TaskState.describe(w.stateWord()));
    }

    @Test
    void aWakeDuringThePollReschedulesOnceAfterIt() {
        Word w = new Word();
        w.transitionToRunning();
        for (int i = 0; i < 1000; i++) {
            assertEquals(TaskState.Submit.NOTHING, w.transitionToScheduled());
        }
        assertEquals("RUNNING|NOTIFIED", TaskState.describe(w.stateWord()));
        assertEquals(TaskState.Idle.RESCHEDULE, w.transitionToIdle());
        assertEquals("SCHEDULED", TaskState.describe(w.stateWord()));
        assertEquals(TaskState.Run.POLL, w.transitionToRunning());
        assertEquals(TaskState.Idle.IDLE, w.transitionToIdle());
    }

    @Test
    void cancellingAnIdleTaskSchedulesItForCancellation() {
        Word w = idle();
        assertEquals(TaskState.Submit.SUBMIT, w.transitionToCancelled());
        assertEquals(TaskState.Submit.NOTHING, w.transitionToCancelled());
        assertEquals(TaskState.Submit.NOTHING, w.transitionToScheduled());
        assertTrue(w.isCancelledState());
        assertEquals(TaskState.Run.CANCEL, w.transitionToRunning());
    }

    @Test
    void cancellingARunningTaskIsHandledByItsPoller() {
        Word w = new Word();
        w.transitionToRunning();
        assertEquals(TaskState.Submit.NOTHING, w.transitionToCancelled());
        assertEquals(TaskState.Idle.CANCEL, w.transitionToIdle());
        w.transitionToComplete();
        assertEquals("COMPLETE|CANCELLED", TaskState.describe(w.stateWord()));
    }

    @Test
    void cancellingAScheduledTaskLeavesItQueuedOnce() {
        Word w = idle();
        w.transitionToScheduled();
        assertEquals(TaskState.Submit.NOTHING, w.transitionToCancelled());
        assertEquals(TaskState.Run.CANCEL, w.transitionToRunning());
    }

    @Test
    void afterCompletionWakesAndCancelsAreNoOps() {
        Word w = new Word();
        w.transitionToRunning();
        w.transitionToComplete();
        assertEquals(TaskState.Submit.NOTHING, w.transitionToScheduled());
        assertEquals(TaskState.Submit.NOTHING, w.transitionToCancelled());
        assertTrue(w.isCompleteState());
        assertFalse(w.isCancelledState());
        assertEquals("COMPLETE", TaskState.describe(w.stateWord()));
    }
}
