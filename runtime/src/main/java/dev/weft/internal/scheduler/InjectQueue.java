package dev.weft.internal.scheduler;

import dev.weft.internal.task.Task;

/**
 * The global inject queue of the work-stealing scheduler: tasks spawned or woken by threads
 * that are not its workers (blockOn callers, the timer thread, foreign wakers), and the overflow
 * of full local rings. FIFO, any thread.
 *
 * <p>Intrusive: tasks are linked through {@link Task#queueNext()}, so enqueueing allocates
 * nothing (Tokio's {@code inject} is the same mutex-guarded linked list). A task is in at most
 * one queue at a time (only the transition to SCHEDULED enqueues), so one link field suffices.
 * {@link #length} is volatile so that workers can skip the lock when the queue is empty, which
 * is the common case on the hot path.
 */
final class InjectQueue {

    /** Oldest task; guarded by {@code this}. */
    private Task<?> head;

    /** Newest task; guarded by {@code this}. */
    private Task<?> tail;

    /** Number of queued tasks; written under the lock, read racily as a hint. */
    private volatile int length;

    boolean isEmpty() {
        return length == 0;
    }

    int size() {
        return length;
    }

    synchronized void push(Task<?> task) {
        task.setQueueNext(null);
        if (tail == null) {
            head = task;
        } else {
            tail.setQueueNext(task);
        }
        tail = task;
        length = length + 1;
    }

    /** Appends a chain {@code first .. last} of {@code n} tasks already linked through queueNext. */
    synchronized void pushBatch(Task<?> first, Task<?> last, int n) {
        last.setQueueNext(null);
        if (tail == null) {
            head = first;
        } else {
            tail.setQueueNext(first);
        }
        tail = last;
        length = length + n;
    }

    /** The oldest task, or null. */
    Task<?> pop() {
        if (length == 0) {
            return null;
        }
        synchronized (this) {
            Task<?> t = head;
            if (t == null) {
                return null;
            }
            head = t.queueNext();
            if (head == null) {
                tail = null;
            }
            t.setQueueNext(null);
            length = length - 1;
            return t;
        }
    }

    /**
     * Owner of {@code dst} only: moves up to {@code max} tasks into {@code dst} under one lock
     * and returns one more to run now (or null when empty), so a worker draining a burst of
     * outside spawns takes the lock once per batch, not once per task.
     */
    Task<?> popInto(RunQueue dst, int max) {
        if (length == 0) {
            return null;
        }
        Task<?> first;
        int n;
        synchronized (this) {
            first = head;
            if (first == null) {
                return null;
            }
            n = Math.min(max, length - 1);
            Task<?> last = first;
            for (int i = 0; i < n; i++) {
                last = last.queueNext();
            }
            head = last.queueNext();
            if (head == null) {
                tail = null;
            }
            last.setQueueNext(null);
            length = length - n - 1;
        }
        Task<?> rest = first.queueNext();
        first.setQueueNext(null);
        while (rest != null) {
            Task<?> next = rest.queueNext();
            rest.setQueueNext(null);
            dst.pushBack(rest, this);
            rest = next;
        }
        return first;
    }
}
