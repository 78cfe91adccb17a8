package dev.weft.internal.scheduler;

import dev.weft.internal.task.Task;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A worker's fork stack (lazy fork, issue 18): the children spawned by the polls running on
 * that worker, kept out of every run queue so that the join that usually follows runs them in
 * place. Its owner pushes and takes at the top, like a stack; other workers steal the oldest
 * child from the bottom, like a queue (fork/join's work-stealing deque, Arora, Blumofe and
 * Plaxton, "Thread scheduling for multiprogrammed multiprocessors", 1998; ForkJoinPool's
 * {@code WorkQueue}), so a child kept back by a poll that then runs long is still work that an
 * idle worker finds.
 *
 * <pre>
 *  slots  [0] [1] [2] [3] [4] [5]  ...  [CAPACITY-1]
 *          t0  --  t2  t3  t4            ('--' = taken: null)
 *          ^ thieves scan up from here    ^ top: next push (owner writes, release)
 *                      ^ pollBase: the innermost poll's children start here (owner only)
 * </pre>
 *
 * <p><b>Who takes a child: one CAS.</b> Every removal, by the owner (a join, the end of a poll)
 * or by a thief, is a CAS of the child's slot from the child to null; whoever wins it holds the
 * child's SCHEDULED bit, so no child is polled twice and none is taken twice. A task enters a
 * fork stack once, when it is spawned, so a slot never holds the same task again and the CAS
 * has no ABA. The indices are hints for finding children, never for deciding who owns one:
 * {@link #top} only says how far up slots may be non-null (every slot from top up is null).
 *
 * <p><b>Owner only</b>: {@link #push}, {@link #take}, {@link #takeAt}, {@link #trim},
 * {@link #lower} and {@link #top()}. Other threads call {@link #steal}, {@link #isEmpty} and {@link #size}.
 */
final class ForkStack {

    /** Children kept back at most; a spawn beyond it is queued at once. */
    static final int CAPACITY = 64;

    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Task[].class);
    private static final VarHandle TOP;

    static {
        try {
            TOP = MethodHandles.lookup().findVarHandle(ForkStack.class, "top", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The children; a taken slot is null. Written by the owner (release), cleared by CAS. */
    private final Task<?>[] slots = new Task<?>[CAPACITY];

    /**
     * One past the highest slot that may hold a child. Written only by the owner, with release
     * semantics (a thief that reads it then sees the slots below it as pushed); lowered only
     * over null slots.
     */
    @SuppressWarnings("unused")
    private int top;

    /** Owner: the top, its own plain writes. */
    int top() {
        return top;
    }

    /**
     * Owner: keeps {@code task} back (the caller holds its SCHEDULED bit, which the stack now
     * holds); false when full.
     */
    boolean push(Task<?> task) {
        int t = top;
        if (t == CAPACITY) {
            return false;
        }
        // ordering: release publishes the task (its plainly written state word) to a thief that
        // reads the slot with acquire or wins its CAS.
        SLOTS.setRelease(slots, t, task);
        TOP.setRelease(this, t + 1);
        return true;
    }

    /**
     * Owner: takes {@code task} if it is among the {@code window} slots below the top (a join:
     * fork/join's {@code tryRemoveAndExec}), then lowers the top over taken slots down to
     * {@code floor} at most; false when it is not there or a thief took it.
     */
    boolean take(Task<?> task, int window, int floor) {
        int t = top;
        int lo = Math.max(0, t - window);
        for (int i = t - 1; i >= lo; i--) {
            if (SLOTS.getOpaque(slots, i) == task) {
                // linearization point of a join in place: the slot's CAS, as for a steal.
                if (!SLOTS.compareAndSet(slots, i, task, null)) {
                    return false; // a thief won it
                }
                trim(floor);
                return true;
            }
        }
        return false;
    }

    /** Owner: takes whatever slot {@code i} holds (the end of a poll), or null if already taken. */
    Task<?> takeAt(int i) {
        Task<?> t = (Task<?>) SLOTS.getOpaque(slots, i);
        if (t != null && SLOTS.compareAndSet(slots, i, t, null)) {
            return t;
        }
        return null;
    }

    /** Owner: lowers the top over taken slots, not below {@code floor}. */
    void trim(int floor) {
        int t = top;
        while (t > floor && SLOTS.getOpaque(slots, t - 1) == null) {
            t--;
        }
        if (t != top) {
            TOP.setRelease(this, t);
        }
    }

    /** Owner: sets the top to {@code t}, every slot from {@code t} up having been taken. */
    void lower(int t) {
        TOP.setRelease(this, t);
    }

    /**
     * Any thread but the owner: takes the oldest child (the lowest slot still holding one), or
     * returns null when there is none. The caller then holds its SCHEDULED bit.
     */
    Task<?> steal() {
        int t = (int) TOP.getAcquire(this);
        for (int i = 0; i < t; i++) {
            Task<?> task = (Task<?>) SLOTS.getAcquire(slots, i);
            // linearization point of a steal: the slot's CAS.
            if (task != null && SLOTS.compareAndSet(slots, i, task, null)) {
                return task;
            }
        }
        return null;
    }

    /** Any thread, racy: whether no slot below the top holds a child. */
    boolean isEmpty() {
        int t = (int) TOP.getAcquire(this);
        for (int i = 0; i < t; i++) {
            if (SLOTS.getAcquire(slots, i) != null) {
                return false;
            }
        }
        return true;
    }

    /** Any thread, racy: children kept back. */
    int size() {
        int t = (int) TOP.getAcquire(this);
        int n = 0;
        for (int i = 0; i < t; i++) {
            n += SLOTS.getAcquire(slots, i) != null ? 1 : 0;
        }
        return n;
    }
}
