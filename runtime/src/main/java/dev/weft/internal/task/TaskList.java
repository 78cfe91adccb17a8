package dev.weft.internal.task;

import dev.weft.internal.context.WorkerThread;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The live tasks of one runtime, so that {@code close()} can cancel them (Tokio's
 * {@code OwnedTasks}). Intrusive doubly-linked lists through {@link Task#listPrev} /
 * {@link Task#listNext}: adding a task allocates nothing.
 *
 * <p>Striped: every spawn adds and every completion removes, from all workers at once, so one
 * monitor would be the runtime's hottest lock (measured: skynet spent most of its time
 * contending on it). A task spawned by a worker ({@link WorkerThread}) goes to that worker's
 * stripe (its thread id, masked): the worker usually completes it too, so the stripe stays in
 * its cache. A task spawned by any other thread goes to a random stripe: one outside thread
 * spawning many tasks that the workers complete would otherwise make its stripe the contended
 * lock (measured on spawn_many from outside). The task remembers its stripe (in the high bits of
 * its state word, so it costs no field); removal locks only that one. Tokio shards its OwnedTasks
 * the same way. A removed task's {@code listNext} points to itself, which makes removal
 * idempotent without a field of its own.
 *
 * <p>Invariant: every task spawned before {@link #close()} is in a stripe until it completes;
 * close() marks each stripe closed under that stripe's lock, so a spawn racing with close either
 * is in the snapshot close() cancels or is refused (and then cancelled by its spawner).
 */
public final class TaskList {

    /** One stripe: a list and its closed flag, guarded by the stripe's monitor. */
    private static final class Stripe {
        Task<?> head;
        int size;
        boolean closed;
    }

    private final Stripe[] stripes;
    private final int mask;

    /** A list with enough stripes for {@code threads} concurrent spawners (rounded up to a power of two). */
    public TaskList(int threads) {
        int n = Integer.highestOneBit(Math.max(1, threads * 8 - 1)) << 1;
        stripes = new Stripe[n];
        for (int i = 0; i < n; i++) {
            stripes[i] = new Stripe();
        }
        mask = n - 1;
    }

    public TaskList() {
        this(1);
    }

    /** Adds {@code task}; false when the list is closed (the caller then cancels the task). */
    public boolean add(Task<?> task) {
        Thread me = Thread.currentThread();
        int i =
                (me instanceof WorkerThread
                                ? (int) me.getId()
                                : ThreadLocalRandom.current().nextInt())
                        & mask;
        Stripe s = stripes[i];
        synchronized (s) {
            if (s.closed) {
                return false;
            }
            task.bindStripe(i);
            task.listNext = s.head;
            if (s.head != null) {
                s.head.listPrev = task;
            }
            s.head = task;
            s.size++;
            return true;
        }
    }

    /** Removes {@code task} if listed; O(1). */
    public void remove(Task<?> task) {
        int i = task.stripe();
        if (i < 0) {
            return; // never listed (refused at close); only add writes it, before the task is
            // shared.
        }
        Stripe s = stripes[i];
        synchronized (s) {
            if (task.listNext == task) {
                return; // already removed
            }
            Task<?> p = task.listPrev;
            Task<?> n = task.listNext;
            if (p != null) {
                p.listNext = n;
            } else {
                s.head = n;
            }
            if (n != null) {
                n.listPrev = p;
            }
            task.listPrev = null;
            task.listNext = task;
            s.size--;
        }
    }

    /** Refuses further adds and returns the tasks still live, to be cancelled by the caller. */
    public List<Task<?>> close() {
        List<Task<?>> live = new ArrayList<>();
        for (Stripe s : stripes) {
            synchronized (s) {
                s.closed = true;
                for (Task<?> t = s.head; t != null; t = t.listNext) {
                    live.add(t);
                }
            }
        }
        return live;
    }

    /** The tasks listed now (a diagnostic snapshot: tasks may complete or be spawned meanwhile). */
    public List<Task<?>> snapshot() {
        List<Task<?>> live = new ArrayList<>();
        for (Stripe s : stripes) {
            synchronized (s) {
                for (Task<?> t = s.head; t != null; t = t.listNext) {
                    live.add(t);
                }
            }
        }
        return live;
    }

    public int size() {
        int n = 0;
        for (Stripe s : stripes) {
            synchronized (s) {
                n += s.size;
            }
        }
        return n;
    }
}
