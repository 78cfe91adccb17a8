package dev.weft.internal.scheduler;

import dev.weft.internal.task.Task;
import java.util.ArrayDeque;

/**
 * The global inject queue of the work-stealing scheduler: tasks spawned or woken by threads
 * that are not its workers (blockOn callers, the timer thread, foreign wakers), and the overflow
 * of full local rings. Any thread; one lock.
 *
 * <p>Two parts, taken in this order:
 * <ul>
 *   <li>singles: tasks pushed one at a time, linked through {@link Task#queueNext()} so that a
 *       foreign wake allocates nothing (Tokio's inject is the same mutex-guarded linked list);
 *       a task is in at most one queue at a time (only the SCHEDULED transition enqueues it),
 *       so one link field suffices;
 *   <li>batches: the halves of full rings, kept as the arrays they were copied into. Measured:
 *       linking an overflow batch task by task and walking the links again to take a share
 *       back cost skynet a third of its time in cache misses on cold task objects.
 * </ul>
 * Singles come first, so an outside wake never waits behind a pile of overflow. {@link #length}
 * is volatile so that workers skip the lock when the queue is empty, the common case on the
 * hot path.
 *
 * <p>A third part, the <b>timer lane</b>: tasks woken by the timer driver while there is older
 * work to wait behind (docs/design.md, "Timer wakes skip the queue"). Workers take from it
 * through {@link #popTimerWake} ahead of everything else, a bounded number of times in a row
 * (Worker); {@link #pop} and {@link #popInto} take it last (popInto only as the task to run now,
 * never into the ring, where it would wait behind the batch), so neither starves the other.
 * {@link #length} counts it, so emptiness checks, the idle re-check, virtual time's quiescence
 * and the shutdown drains see it with no change; {@link #timerWakes} is its own count, the one
 * field a worker reads on every tick.
 */
final class InjectQueue {

    /** Oldest single; guarded by {@code this}. */
    private Task<?> head;

    /** Newest single; guarded by {@code this}. */
    private Task<?> tail;

    /** Overflow batches, oldest first; guarded by {@code this}. */
    private final ArrayDeque<Task<?>[]> batches = new ArrayDeque<>();

    /** Next index to take in {@code batches.peekFirst()}; guarded by {@code this}. */
    private int batchPos;

    /** Number of queued tasks; written under the lock, read racily as a hint. */
    private volatile int length;

    /** Oldest and newest task of the timer lane, linked as the singles; guarded by {@code this}. */
    private Task<?> timerHead;

    private Task<?> timerTail;

    /**
     * Number of tasks in the timer lane (also counted in {@link #length}); written under the
     * lock, read racily. In an object of its own, padded: every worker reads it on every tick,
     * while pushes from other threads keep writing this queue's other fields.
     */
    private final LaneCount timerWakes = new LaneCount();

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

    /** Appends {@code task} to the timer lane (a timer wake with older work queued). */
    synchronized void pushTimerWake(Task<?> task) {
        task.setQueueNext(null);
        if (timerTail == null) {
            timerHead = task;
        } else {
            timerTail.setQueueNext(task);
        }
        timerTail = task;
        timerWakes.n = timerWakes.n + 1;
        length = length + 1;
    }

    /** Whether the timer lane holds a task (a racy hint: one volatile read, no lock). */
    boolean hasTimerWakes() {
        return timerWakes.n != 0;
    }

    /** The oldest task of the timer lane, or null. */
    Task<?> popTimerWake() {
        if (timerWakes.n == 0) {
            return null;
        }
        synchronized (this) {
            return takeTimerWake();
        }
    }

    /** Under the lock. */
    private Task<?> takeTimerWake() {
        Task<?> t = timerHead;
        if (t != null) {
            timerHead = t.queueNext();
            if (timerHead == null) {
                timerTail = null;
            }
            t.setQueueNext(null);
            timerWakes.n = timerWakes.n - 1;
            length = length - 1;
        }
        return t;
    }

    /** Appends a ring's overflow; the array is the queue's from now on. */
    synchronized void pushBatch(Task<?>[] batch) {
        batches.addLast(batch);
        length = length + batch.length;
    }

    /** The oldest task, or null. */
    Task<?> pop() {
        if (length == 0) {
            return null;
        }
        synchronized (this) {
            return take();
        }
    }

    /** Under the lock: one task, singles first, the timer lane last. */
    private Task<?> take() {
        Task<?> t = takeQueued();
        return t != null ? t : takeTimerWake();
    }

    /** Under the lock: one single or batched task (not the timer lane), or null. */
    private Task<?> takeQueued() {
        Task<?> t = head;
        if (t != null) {
            head = t.queueNext();
            if (head == null) {
                tail = null;
            }
            t.setQueueNext(null);
            length = length - 1;
            return t;
        }
        Task<?>[] b = batches.peekFirst();
        if (b == null) {
            return null;
        }
        t = b[batchPos];
        b[batchPos++] = null;
        if (batchPos == b.length) {
            batches.pollFirst();
            batchPos = 0;
        }
        length = length - 1;
        return t;
    }

    /**
     * Owner of {@code dst} only: takes up to {@code max} (at most {@code scratch.length}) tasks
     * under one lock, then, outside it, moves all but the first into {@code dst} and returns
     * the first to run now (or null when empty). One lock per batch, and a short one: pushes
     * from outside threads do not wait behind the ring writes.
     */
    Task<?> popInto(RunQueue dst, int max, Task<?>[] scratch, InjectQueue overflow) {
        if (length == 0) {
            return null;
        }
        int n = 0;
        int limit = Math.min(max + 1, scratch.length);
        synchronized (this) {
            Task<?> t;
            while (n < limit && (t = takeQueued()) != null) {
                scratch[n++] = t;
            }
            if (n == 0 && (t = takeTimerWake()) != null) {
                // a lane task only ever runs next: in the ring it would queue behind the batch
                scratch[n++] = t;
            }
        }
        if (n == 0) {
            return null;
        }
        for (int i = 1; i < n; i++) {
            dst.pushBack(scratch[i], overflow);
            scratch[i] = null;
        }
        Task<?> first = scratch[0];
        scratch[0] = null;
        return first;
    }

    /** Cache-line padding before {@link LaneCount#n} (the int fills the gap after the header). */
    @SuppressWarnings("unused")
    private static class LanePadBefore {
        int p;
        long p0, p1, p2, p3, p4, p5, p6, p7;
    }

    /** The count; superclass fields come first, so it sits after the padding above. */
    private static class LaneCountField extends LanePadBefore {
        volatile int n;
    }

    /** And padding after it. */
    @SuppressWarnings("unused")
    private static final class LaneCount extends LaneCountField {
        long q0, q1, q2, q3, q4, q5, q6, q7;
    }
}
