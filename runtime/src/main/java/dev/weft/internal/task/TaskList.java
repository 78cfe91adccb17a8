package dev.weft.internal.task;

import java.util.ArrayList;
import java.util.List;

/**
 * The live tasks of one runtime, so that {@code close()} can cancel them (Tokio's
 * {@code OwnedTasks}). An intrusive doubly-linked list through {@link Task#listPrev} /
 * {@link Task#listNext}: adding a task allocates nothing.
 *
 * <p>Invariant: every task spawned before {@link #close()} is in the list until it completes;
 * after close() the list accepts nothing, so a spawn racing with close either is in the
 * snapshot close() cancels or is refused (and then cancelled by its spawner).
 */
public final class TaskList {

    /** Most recently added task; guarded by {@code this}. */
    private Task<?> head;

    /** Number of listed tasks; guarded by {@code this}. */
    private int size;

    /** Set once by close(); guarded by {@code this}. */
    private boolean closed;

    /** Adds {@code task}; false when the list is closed (the caller then cancels the task). */
    public synchronized boolean add(Task<?> task) {
        if (closed) {
            return false;
        }
        task.listNext = head;
        if (head != null) {
            head.listPrev = task;
        }
        head = task;
        task.listed = true;
        size++;
        return true;
    }

    /** Removes {@code task} if listed; O(1). */
    public synchronized void remove(Task<?> task) {
        if (!task.listed) {
            return;
        }
        Task<?> p = task.listPrev;
        Task<?> n = task.listNext;
        if (p != null) {
            p.listNext = n;
        } else {
            head = n;
        }
        if (n != null) {
            n.listPrev = p;
        }
        task.listPrev = null;
        task.listNext = null;
        task.listed = false;
        size--;
    }

    /** Refuses further adds and returns the tasks still live, to be cancelled by the caller. */
    public synchronized List<Task<?>> close() {
        closed = true;
        List<Task<?>> live = new ArrayList<>(size);
        for (Task<?> t = head; t != null; t = t.listNext) {
            live.add(t);
        }
        return live;
    }

    public synchronized int size() {
        return size;
    }
}
