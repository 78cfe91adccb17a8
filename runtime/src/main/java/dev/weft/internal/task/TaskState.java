package dev.weft.internal.task;

import dev.weft.Poll;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The atomic state word of a {@link Task}, after Tokio's {@code runtime/task/state.rs}.
 *
 * <pre>
 *  bit   4           3          2          1          0
 *      +-----------+----------+----------+----------+-----------+
 *      | CANCELLED | COMPLETE | NOTIFIED | RUNNING  | SCHEDULED |
 *      +-----------+----------+----------+----------+-----------+
 * </pre>
 *
 * <p>Every transition is a CAS loop in a named method that returns what the caller must do
 * next; nobody else writes the word. {@link Task} extends this class rather than holding one, so
 * the word costs no extra object per task.
 *
 * <p>Legal combinations: idle ({@code 0}); SCHEDULED (in a run queue, or held by the spawner
 * before its first submit); RUNNING (one thread polls it); RUNNING|NOTIFIED (woken during the
 * poll); COMPLETE (terminal). CANCELLED may be or-ed onto any non-COMPLETE state.
 * SCHEDULED and RUNNING are never set together: whoever clears SCHEDULED (the executor,
 * {@link #transitionToRunning}) owns the right to poll, which is why one thread polls at a time.
 *
 * <p>The bits from {@link #STRIPE_SHIFT} up hold the task's {@link TaskList} stripe plus one (0:
 * in no list), set once by {@link #bindStripe} before anyone else can see the task; every
 * transition keeps them. Keeping the stripe here instead of in a field of its own keeps a task
 * at 48 bytes. The class extends {@link Poll} so that a complete task is its own ready poll
 * (joining it allocates nothing).
 *
 * @param <T> the task's value type (for the Poll view)
 */
abstract class TaskState<T> extends Poll<T> {

    /**
     * The task sits in a run queue (or is about to be pushed there by whoever set the bit).
     * Set by a wake/cancel of an idle task or by a poll that ends notified; cleared when the
     * executor takes the task to run it. While set, further wakes do nothing: N wakes, one enqueue.
     */
    static final int SCHEDULED = 1;

    /** A thread is polling the task. Set and cleared only by that thread. */
    static final int RUNNING = 1 << 1;

    /**
     * Woken while RUNNING: the poller must re-schedule the task once its poll returns pending.
     * Only ever set together with RUNNING; cleared by {@link #transitionToIdle}.
     */
    static final int NOTIFIED = 1 << 2;

    /** The task finished (value, failure or cancellation). Once set, never unset; terminal. */
    static final int COMPLETE = 1 << 3;

    /**
     * Cancellation was requested ({@code JoinHandle.cancel}). Once set, never unset. Read by the
     * task's Context ({@code isCancelled}); the executor then cancels the future on the task's
     * thread instead of polling it.
     */
    static final int CANCELLED = 1 << 4;

    /** Where the stripe bits start; see the class comment. */
    static final int STRIPE_SHIFT = 8;

    /** The five flag bits. */
    static final int FLAGS = (1 << STRIPE_SHIFT) - 1;

    /** What a waker or canceller must do after its transition. */
    enum Submit {
        SUBMIT,
        NOTHING
    }

    /** What the executor must do with a task it took from a run queue. */
    enum Run {
        POLL,
        CANCEL
    }

    /** What the executor must do after a poll returned pending. */
    enum Idle {
        IDLE,
        RESCHEDULE,
        CANCEL
    }

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(TaskState.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The word; written only through CAS in the transitions below (or the constructor). */
    @SuppressWarnings("unused")
    private volatile int state;

    /**
     * A new task is SCHEDULED: the spawner owns its first submit. A plain write, not a volatile
     * one (which costs a full fence per spawn): nobody else sees the task before the spawner
     * hands it on, through a run queue (release/acquire) or its own fork stack.
     */
    TaskState() {
        STATE.set(this, SCHEDULED);
    }

    /** The flag bits of the word (without the stripe), for tests and toString. */
    final int stateWord() {
        return state & FLAGS;
    }

    /**
     * Records the TaskList stripe ({@code >= 0}); called once, under that stripe's lock, by the
     * list's add. A CAS loop all the same: close() may cancel the task as soon as that lock is
     * released, and the flag bits must never be lost.
     */
    final void bindStripe(int stripe) {
        for (; ; ) {
            int s = state;
            if (cas(s, (s & FLAGS) | ((stripe + 1) << STRIPE_SHIFT))) {
                return;
            }
        }
    }

    /** The stripe recorded by {@link #bindStripe}, or -1 if none. */
    final int stripe() {
        return (state >>> STRIPE_SHIFT) - 1;
    }

    private boolean cas(int expect, int update) {
        return STATE.compareAndSet(this, expect, update);
    }

    /**
     * A wake. Idle: becomes SCHEDULED and the caller submits it (the only transition that
     * enqueues on a wake). RUNNING: sets NOTIFIED so the poller re-schedules it once afterwards.
     * Already scheduled, notified or complete: nothing.
     */
    final Submit transitionToScheduled() {
        for (; ; ) {
            int s = state;
            if ((s & (SCHEDULED | NOTIFIED | COMPLETE)) != 0) {
                return Submit.NOTHING;
            }
            if ((s & RUNNING) != 0) {
                if (cas(s, s | NOTIFIED)) {
                    return Submit.NOTHING;
                }
            } else if (cas(s, s | SCHEDULED)) {
                // linearization point of "N wakes => one enqueue": only this CAS wins.
                return Submit.SUBMIT;
            }
        }
    }

    /**
     * A cancel request. Sets CANCELLED; an idle task also becomes SCHEDULED so the executor
     * comes to cancel it (caller submits). A running task is cancelled by its poller when its
     * poll returns ({@link #transitionToIdle}); a scheduled one when it is taken to run.
     */
    final Submit transitionToCancelled() {
        for (; ; ) {
            int s = state;
            if ((s & (COMPLETE | CANCELLED)) != 0) {
                return Submit.NOTHING;
            }
            boolean idle = (s & (SCHEDULED | RUNNING)) == 0;
            if (cas(s, s | CANCELLED | (idle ? SCHEDULED : 0))) {
                return idle ? Submit.SUBMIT : Submit.NOTHING;
            }
        }
    }

    /**
     * The executor took the task from a run queue: SCHEDULED -> RUNNING. Returns CANCEL when
     * the cancelled bit is set (the executor then cancels instead of polling).
     */
    final Run transitionToRunning() {
        for (; ; ) {
            int s = state;
            assert (s & SCHEDULED) != 0 && (s & (RUNNING | COMPLETE)) == 0
                    : Integer.toBinaryString(s);
            if (cas(s, (s & ~SCHEDULED) | RUNNING)) {
                return (s & CANCELLED) != 0 ? Run.CANCEL : Run.POLL;
            }
        }
    }

    /**
     * The poll returned pending. Cancelled: stay RUNNING, the caller cancels now (no trip
     * through the queue). Notified during the poll: RUNNING|NOTIFIED -> SCHEDULED and the caller
     * submits it (the "re-queue exactly once afterwards"). Otherwise RUNNING -> idle.
     */
    final Idle transitionToIdle() {
        for (; ; ) {
            int s = state;
            if ((s & CANCELLED) != 0) {
                return Idle.CANCEL;
            }
            if ((s & NOTIFIED) != 0) {
                if (cas(s, (s & ~(RUNNING | NOTIFIED)) | SCHEDULED)) {
                    return Idle.RESCHEDULE;
                }
            } else if (cas(s, s & ~RUNNING)) {
                // linearization point: a wake after this CAS sees idle and enqueues itself.
                return Idle.IDLE;
            }
        }
    }

    /** The poller finished the task: -> COMPLETE (keeping CANCELLED). Only the poller calls it. */
    final void transitionToComplete() {
        for (; ; ) {
            int s = state;
            if (cas(s, (s & (CANCELLED | ~FLAGS)) | COMPLETE)) {
                return;
            }
        }
    }

    final boolean isCompleteState() {
        return (state & COMPLETE) != 0;
    }

    final boolean isCancelledState() {
        return (state & CANCELLED) != 0;
    }

    /** A readable rendering of the word, e.g. {@code RUNNING|NOTIFIED}. */
    static String describe(int s) {
        s &= FLAGS;
        if (s == 0) {
            return "IDLE";
        }
        StringBuilder b = new StringBuilder();
        String[] names = {"SCHEDULED", "RUNNING", "NOTIFIED", "COMPLETE", "CANCELLED"};
        for (int i = 0; i < names.length; i++) {
            if ((s & (1 << i)) != 0) {
                b.append(b.length() == 0 ? "" : "|").append(names[i]);
            }
        }
        return b.toString();
    }
}
