package dev.weft.sync;

import dev.weft.Waker;
import java.util.ArrayList;
import java.util.List;

/**
 * A FIFO doubly-linked list of {@link Waiter} nodes, intrusive (the node is the waiting future)
 * so that a cancelled waiter unlinks itself in O(1). Not thread-safe: the owning primitive calls
 * it only under its lock. Linking sets {@link Waiter#WAITING}; unlinking leaves the state to the
 * caller, who always sets another one at once.
 *
 * @param <W> the node type
 */
final class WaiterQueue<W extends Waiter<?>> {

    private Waiter<?> head;
    private Waiter<?> tail;

    /** Number of linked nodes (a rendezvous channel counts its waiting receivers as room). */
    private int size;

    boolean isEmpty() {
        return head == null;
    }

    int size() {
        return size;
    }

    /** The oldest waiter, still linked; null when empty. */
    @SuppressWarnings("unchecked")
    W peek() {
        return (W) head;
    }

    void add(W w) {
        w.state = Waiter.WAITING;
        w.prev = tail;
        w.next = null;
        if (tail == null) {
            head = w;
        } else {
            tail.next = w;
        }
        tail = w;
        size++;
    }

    /**
     * Links {@code w} as the oldest waiter: a rendezvous sender that was granted a receiver which
     * then left goes back to where it stood, ahead of senders that came after it.
     */
    void addFirst(W w) {
        w.state = Waiter.WAITING;
        w.prev = null;
        w.next = head;
        if (head == null) {
            tail = w;
        } else {
            head.prev = w;
        }
        head = w;
        size++;
    }

    /** Unlinks and returns the oldest waiter; null when empty. */
    W poll() {
        W w = peek();
        if (w != null) {
            remove(w);
        }
        return w;
    }

    /**
     * Under the owner's lock: unlinks waiters oldest first, marking each GRANTED, until one has
     * a waker, and returns that waker (to be woken once the lock is released); null when none
     * is left. A waiter without a waker is granted all the same.
     */
    Waker grantNext() {
        for (W w = poll(); w != null; w = poll()) {
            w.state = Waiter.GRANTED;
            Waker k = w.takeWaker();
            if (k != null) {
                return k;
            }
        }
        return null;
    }

    /**
     * Under the owner's lock, after {@link #grantNext} returned a waker: grants every waiter
     * left and returns their wakers, or null when none is left (no list for the common single
     * waiter). Wake them with {@link Waiter#wakeAll} once the lock is released.
     */
    List<Waker> grantRest() {
        List<Waker> rest = null;
        for (Waker k = grantNext(); k != null; k = grantNext()) {
            if (rest == null) {
                rest = new ArrayList<>();
            }
            rest.add(k);
        }
        return rest;
    }

    /** Unlinks {@code w}, which must be linked in this queue (state WAITING). */
    void remove(Waiter<?> w) {
        Waiter<?> p = w.prev;
        Waiter<?> n = w.next;
        if (p == null) {
            head = n;
        } else {
            p.next = n;
        }
        if (n == null) {
            tail = p;
        } else {
            n.prev = p;
        }
        w.prev = null;
        w.next = null;
        size--;
    }
}
