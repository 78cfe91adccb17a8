package dev.weft.internal.scheduler;

import dev.weft.internal.task.Task;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A worker's local run queue: a bounded ring of {@link #CAPACITY} tasks that its owner pushes
 * to and pops from, and other workers steal half of (Tokio's {@code scheduler/multi_thread/
 * queue.rs}, itself after Go's runtime).
 *
 * <p><b>Owner only</b>: {@link #pushBack}, {@link #offer}, {@link #pop} and {@link #stealInto} (called on the
 * victim, by the thief, which owns the destination) must be called by the thread that owns the
 * queue they write into. Only {@link #stealInto}'s read side and {@link #size} are for other
 * threads.
 *
 * <p>Indices are ints that wrap: positions are compared by subtraction, never by {@code <}.
 * The head is one packed long, so a thief can claim a batch and publish that it is still
 * copying it in one CAS:
 * <pre>
 *  head (long)
 *   63                 32 31                  0
 *  +---------------------+---------------------+
 *  |        steal        |         real        |
 *  +---------------------+---------------------+
 *  real : the next slot the owner pops; thieves advance it to claim a batch.
 *  steal: == real when no steal is in progress; otherwise the first slot of the batch a thief
 *         is still copying. The owner must not overwrite slots from steal on, so it checks
 *         capacity against steal, not real.
 *  tail (int): the next slot the owner pushes to; written only by the owner (release).
 * </pre>
 *
 * <p>Push is a plain slot write then a release store of the tail: no read-modify-write. Pop is
 * one CAS on the head (thieves race for the same slots). A full ring moves half of itself plus
 * the new task to the inject queue in one batch, so the ring never blocks its owner.
 *
 * <p>Steal protocol (thief T, victim V, T owns dst):
 * <ol>
 *   <li>T reads V's head; steal != real means another thief is copying: give up on V.
 *   <li>T reads V's tail (acquire: the slots below it are published), n = half of what is
 *       there, rounded up; CAS head (s, r) -> (s, r + n). Linearization point of the steal:
 *       V's pop can no longer take those n tasks, and V's push cannot overwrite them (steal
 *       still names their first slot).
 *   <li>T copies the n tasks into dst's free slots and clears them in V.
 *   <li>T CASes head (s, r') -> (r', r'), r' being the current real (V may have popped
 *       meanwhile): V may reuse the slots. Then T publishes n - 1 of them in dst (release
 *       store of dst's tail) and runs the last one itself.
 * </ol>
 */
final class RunQueue {

    /** Slots in the ring; a power of two (Tokio: 256). */
    static final int CAPACITY = 256;

    private static final int MASK = CAPACITY - 1;

    private static final VarHandle HEAD;
    private static final VarHandle TAIL;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            HEAD = l.findVarHandle(RunQueue.class, "head", long.class);
            TAIL = l.findVarHandle(RunQueue.class, "tail", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * The slots. Written by the owner (push) and by a thief clearing what it copied; read by
     * the owner (pop) and thieves (steal). Visibility comes from the tail (release/acquire)
     * and the head (CAS), never from the slots themselves.
     */
    private final Task<?>[] buffer = new Task<?>[CAPACITY];

    /** Packed (steal, real); see the class comment. Changed only by CAS. */
    @SuppressWarnings("unused")
    private volatile long head;

    /** Next push position; written only by the owner, with release semantics. */
    @SuppressWarnings("unused")
    private int tail;

    static int steal(long packed) {
        return (int) (packed >>> 32);
    }

    static int real(long packed) {
        return (int) packed;
    }

    static long pack(int steal, int real) {
        return ((long) steal << 32) | (real & 0xFFFF_FFFFL);
    }

    /** Tasks in the ring, racy (other threads use it as a hint: "is there work to steal?"). */
    int size() {
        long h = (long) HEAD.getAcquire(this);
        int t = (int) TAIL.getAcquire(this);
        return t - real(h);
    }

    boolean isEmpty() {
        return size() <= 0;
    }

    /**
     * Owner only: appends {@code task}; when the ring is full, moves half of it and the task to
     * {@code overflow} in one batch.
     */
    void pushBack(Task<?> task, InjectQueue overflow) {
        for (; ; ) {
            long h = (long) HEAD.getAcquire(this);
            int steal = steal(h);
            int t = tail; // owner: its own plain write is always visible to itself
            if (t - steal < CAPACITY) {
                buffer[t & MASK] = task;
                // ordering: release publishes the slot write to thieves that acquire the tail.
                TAIL.setRelease(this, t + 1);
                return;
            }
            if (steal != real(h)) {
                // a thief is copying: the ring will have room soon, but not now.
                overflow.push(task);
                return;
            }
            if (pushOverflow(task, real(h), t, overflow)) {
                return;
            }
            // a thief or our own pop raced with the claim: look again.
        }
    }

    /**
     * Owner only: appends {@code task} if the ring has room (a thief still copying counts as
     * occupying its slots); false, and nothing changed, when it is full.
     */
    boolean offer(Task<?> task) {
        long h = (long) HEAD.getAcquire(this);
        int t = tail;
        if (t - steal(h) >= CAPACITY) {
            return false;
        }
        buffer[t & MASK] = task;
        // ordering: release publishes the slot write to thieves that acquire the tail.
        TAIL.setRelease(this, t + 1);
        return true;
    }

    /** Owner only: claims the older half of a full ring and moves it with {@code task} to the inject queue. */
    private boolean pushOverflow(Task<?> task, int real, int t, InjectQueue overflow) {
        int n = CAPACITY / 2;
        assert t - real == CAPACITY : "full ring expected: " + (t - real);
        // linearization point: after this CAS the n slots are the owner's alone.
        if (!HEAD.compareAndSet(this, pack(real, real), pack(real + n, real + n))) {
            return false;
        }
        Task<?>[] batch = new Task<?>[n + 1];
        for (int i = 0; i < n; i++) {
            int slot = (real + i) & MASK;
            batch[i] = buffer[slot];
            buffer[slot] = null;
        }
        batch[n] = task;
        overflow.pushBatch(batch);
        return true;
    }

    /** Owner only: the oldest task, or null when empty. */
    Task<?> pop() {
        for (; ; ) {
            long h = (long) HEAD.getAcquire(this);
            int steal = steal(h);
            int real = real(h);
            if (real == tail) {
                return null;
            }
            int next = real + 1;
            // no steal in progress: both move; otherwise only real (the thief releases steal).
            long nh = steal == real ? pack(next, next) : pack(steal, next);
            if (HEAD.compareAndSet(this, h, nh)) {
                Task<?> task = buffer[real & MASK];
                buffer[real & MASK] = null;
                return task;
            }
        }
    }

    /**
     * Called by the owner of {@code dst} on a victim: moves half of the victim's tasks into
     * {@code dst} and returns one of them to run now, or null when there was nothing to take
     * (empty, another steal in progress, or dst more than half full).
     */
    Task<?> stealInto(RunQueue dst) {
        int dstTail = dst.tail; // dst's owner is the caller
        long dh = (long) HEAD.getAcquire(dst);
        if (dstTail - steal(dh) > CAPACITY / 2) {
            return null; // dst has work of its own; stealing would risk overflowing it.
        }
        int n = claim();
        if (n == 0) {
            return null;
        }
        // copy the claimed batch [start, start + n), start being the steal index we hold.
        long h = (long) HEAD.getAcquire(this);
        int start = steal(h);
        for (int i = 0; i < n; i++) {
            int src = (start + i) & MASK;
            dst.buffer[(dstTail + i) & MASK] = buffer[src];
            buffer[src] = null;
        }
        release(h);
        n--;
        Task<?> mine = dst.buffer[(dstTail + n) & MASK];
        dst.buffer[(dstTail + n) & MASK] = null;
        if (n > 0) {
            // ordering: release publishes the copied slots to dst's thieves.
            TAIL.setRelease(dst, dstTail + n);
        }
        return mine;
    }

    /** Steal step 2: claims half (rounded up) of the tasks; returns how many, 0 for none. */
    private int claim() {
        long h = (long) HEAD.getAcquire(this);
        for (; ; ) {
            int steal = steal(h);
            int real = real(h);
            if (steal != real) {
                return 0; // another thief is copying from this queue.
            }
            int t = (int) TAIL.getAcquire(this);
            int available = t - real;
            if (available <= 0) {
                return 0;
            }
            int n = Math.min(available - available / 2, CAPACITY / 2);
            long want = pack(steal, real + n);
            // linearization point of the steal (step 2).
            long witness = (long) HEAD.compareAndExchange(this, h, want);
            if (witness == h) {
                return n;
            }
            h = witness;
        }
    }

    /** Steal step 4: lets the owner reuse the copied slots (it may have popped meanwhile). */
    private void release(long h) {
        for (; ; ) {
            int real = real(h);
            long witness = (long) HEAD.compareAndExchange(this, h, pack(real, real));
            if (witness == h) {
                return;
            }
            assert steal(witness) != real(witness) : "steal released by someone else";
            h = witness;
        }
    }
}
