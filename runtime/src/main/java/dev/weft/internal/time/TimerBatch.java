package dev.weft.internal.time;

/**
 * Timers armed during one task poll on a worker thread, waiting to reach the wheel when that poll
 * ends: one clock read and one lock for all of them instead of one each, and a timer cancelled
 * within the same poll (a timeout whose future completed) never reaches the wheel at all.
 *
 * <p>Why a timer never fires early this way: an entry waits here with its delay, and
 * {@link #flush} reads the clock (inside the driver's lock) after the poll that armed it, so
 * the deadline it computes counts from a time at or after the arming. It is late by what was
 * left of the poll, which is usually far below the tick the deadline rounds up to.
 *
 * <p>Owner only: each worker ({@code WorkerThread}) has one, touched by that thread alone.
 * Entries are offered only by a leaf of the task the worker is polling (its waker is the
 * worker's current task), so anything that could wait for such a timer inside the same poll (a
 * blockOn, an eager coroutine resumed inline) arms directly instead; the task's run flushes
 * before anything else can poll the task again (it is still RUNNING), and the worker flushes
 * again after every poll as a backstop. A pending entry's {@code index} is
 * {@link #PENDING}; its deadline field holds the delay in nanoseconds until the flush.
 */
public final class TimerBatch {

    /** {@link TimerEntry#index} of an entry waiting in a batch. */
    static final short PENDING = -2;

    /** Sentinel of a circular list, so unlinking needs no reference to the batch. */
    private final TimerEntry head = new TimerEntry();

    /** The driver every pending entry goes to; one per batch. */
    private TimerDriver driver;

    public TimerBatch() {
        head.next = head;
        head.prev = head;
    }

    /** Queues {@code e} for {@code d}; false (nothing done) when entries for another driver wait. */
    public boolean offer(TimerDriver d, TimerEntry e, long delayNanos) {
        if (d != driver) {
            if (head.next != head) {
                return false;
            }
            driver = d;
        }
        e.deadline = delayNanos;
        e.index = PENDING;
        TimerEntry last = head.prev;
        e.prev = last;
        e.next = head;
        last.next = e;
        head.prev = e;
        return true;
    }

    /** Removes a pending entry (the batch's owner thread only). */
    static void unlink(TimerEntry e) {
        e.prev.next = e.next;
        e.next.prev = e.prev;
        e.prev = null;
        e.next = null;
        e.index = -1;
    }

    /** Arms every pending entry on its driver (cheap when none). */
    public void flush() {
        if (head.next != head) {
            driver.registerAll(head);
        }
    }

    /** Internal (tests): whether entries wait. */
    public boolean isEmpty() {
        return head.next == head;
    }
}
