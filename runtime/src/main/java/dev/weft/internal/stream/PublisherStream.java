package dev.weft.internal.stream;

import dev.weft.AsyncStream;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.Waker;
import dev.weft.internal.context.Coop;
import dev.weft.internal.coroutine.Sneaky;
import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code AsyncStream.from(publisher, prefetch)}: the stream is also the {@link Flow.Subscriber}
 * behind it.
 *
 * <p>Implementation overview.
 * <ul>
 *   <li><b>Subscription</b> happens in the first poll of {@code hasNext()}, on the consumer's
 *       thread; {@code cancel()} before that means the publisher is never subscribed to.
 *   <li><b>Demand, in batches</b> (Reactor's {@code limitRate} with its 75% low tide):
 *       {@code onSubscribe} requests {@code prefetch}; each time the consumer has taken
 *       {@code limit = prefetch - prefetch / 4} items it requests {@code limit} more. So the items
 *       requested and not yet taken by the consumer never exceed {@code prefetch}, and a prefetch
 *       of 1 (or 2, 3) replenishes after every item. An item is "taken" when the poll of
 *       {@code hasNext()} that announces it removes it from the queue.
 *   <li><b>Signals in</b> ({@code onNext}, {@code onError}, {@code onComplete}) come from the
 *       publisher's threads, serially (rule 1.3); they touch the queue and the terminal fields
 *       under {@link #lock}, take the consumer's waker there, and wake it after releasing it.
 *       Items queued before a failure come out first; the failure then comes out of the await of
 *       {@code hasNext()} as the original object, and later {@code hasNext()} answer false.
 *   <li><b>Calls out</b> ({@code request}, {@code cancel}) come from the consumer and, for the
 *       first request, from {@code onSubscribe}: they go through {@link #drainUpstream}, a
 *       work-in-progress counter that lets one thread at a time call the subscription, which
 *       rule 2.7 demands of a subscriber whose calls may race (a cancel by the consumer while
 *       {@code onSubscribe} is still requesting).
 *   <li>A publisher that sends more than was requested (rule 1.1) fails the stream with an
 *       IllegalStateException, found cheaply: the queue can never hold more than
 *       {@code prefetch} items otherwise.
 * </ul>
 * Nothing is allocated per element: the queue is an array sized once, {@code hasNext()} returns
 * the same future each time, and its answers are the shared {@link FlowStreams#TRUE}/{@code FALSE}.
 */
final class PublisherStream<T> implements AsyncStream<T>, Flow.Subscriber<T> {

    /** Guards {@link #queue}, {@link #terminated}, {@link #error} and {@link #waiter}. */
    private final Object lock = new Object();

    /** The source; cleared once subscribed (or cancelled before that). Consumer only. */
    private Flow.Publisher<? extends T> publisher;

    /** Items requested and not yet taken never exceed it. */
    private final int prefetch;

    /** How many taken items trigger the next request, of as many items. */
    private final int limit;

    /** Received and not yet taken, oldest first; never more than {@link #prefetch}. */
    private final ArrayDeque<T> queue;

    /** Set by onComplete, onError or a rule violation; never unset. */
    private boolean terminated;

    /** The failure to throw once the queue is drained; null for a completion. */
    private Throwable error;

    /** The waker of the consumer's pending {@code hasNext()}, taken by whoever wakes it. */
    private Waker waiter;

    /** The subscription, set once by the first {@code onSubscribe}. */
    private volatile Flow.Subscription upstream;

    /** Requests not yet passed to {@link #upstream}. */
    private final AtomicLong pendingRequests = new AtomicLong();

    /** Set by the consumer's {@code cancel()}; never unset. */
    private volatile boolean cancelled;

    /** Set when the subscription is to be cancelled: by {@code cancel()} or a rule 1.1 violation. */
    private volatile boolean stopUpstream;

    /** Set once the subscription was cancelled (by {@link #drainUpstream} only). */
    private boolean upstreamCancelled;

    /** Work in progress of {@link #drainUpstream}: non-zero while a thread is calling out. */
    private final AtomicInteger calling = new AtomicInteger();

    // ---- consumer only ----

    /** Items taken since the last replenishing request. */
    private int taken;

    /** The element the last {@code hasNext()} announced, until {@code next()} hands it out. */
    private T current;

    private boolean hasCurrent;

    /** True once {@code hasNext()} answered false or threw: later ones answer false. */
    private boolean finished;

    /** What {@code hasNext()} returns, every time. */
    private final HasNext hasNext = new HasNext();

    PublisherStream(Flow.Publisher<? extends T> publisher, int prefetch) {
        this.publisher = publisher;
        this.prefetch = prefetch;
        this.limit = prefetch - (prefetch >> 2);
        this.queue = new ArrayDeque<>(prefetch);
    }

    @Override
    public Future<Boolean> hasNext() {
        return hasNext;
    }

    @Override
    public T next() {
        if (!hasCurrent) {
            throw new NoSuchElementException(
                    "AsyncStream.next() without an element announced by hasNext()");
        }
        T v = current;
        current = null;
        hasCurrent = false;
        return v;
    }

    @Override
    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        current = null;
        hasCurrent = false;
        publisher = null;
        synchronized (lock) {
            queue.clear();
        }
        stopUpstream = true;
        drainUpstream();
    }

    /** The future of every {@code hasNext()}; cancelling its await loses nothing (items stay queued). */
    private final class HasNext implements Future<Boolean> {
        @Override
        public Poll<Boolean> poll(Context cx) {
            if (finished || cancelled) {
                return FlowStreams.FALSE;
            }
            if (!Coop.proceed(cx)) { // budget spent: Coop woke the task, nothing changed here
                return Poll.pending();
            }
            current = null;
            hasCurrent = false;
            Flow.Publisher<? extends T> p = publisher;
            if (p != null) {
                publisher = null;
                try {
                    p.subscribe(PublisherStream.this);
                } catch (
                        Throwable
                                e) { // rule 1.9 says it returns normally; if not, the stream failed
                    finished = true;
                    throw e;
                }
            }
            T v;
            Throwable failure;
            synchronized (lock) {
                v = queue.pollFirst();
                if (v == null) {
                    if (!terminated) {
                        waiter = cx.waker();
                        return Poll.pending();
                    }
                    failure = error;
                    error = null;
                } else {
                    failure = null;
                }
            }
            if (v == null) {
                finished = true;
                if (failure != null) {
                    throw Sneaky.<RuntimeException>rethrow(failure);
                }
                return FlowStreams.FALSE;
            }
            current = v;
            hasCurrent = true;
            if (++taken == limit) {
                taken = 0;
                request(limit);
            }
            return FlowStreams.TRUE;
        }
    }

    // ---- Flow.Subscriber: the publisher's side ----

    @Override
    public void onSubscribe(Flow.Subscription s) {
        Objects.requireNonNull(s, "onSubscribe(null) (rule 2.13)");
        synchronized (lock) {
            if (upstream == null) {
                upstream = s;
                s = null;
            }
        }
        if (s != null) { // a second subscription (rule 2.5)
            s.cancel();
            return;
        }
        request(prefetch);
    }

    @Override
    public void onNext(T item) {
        Objects.requireNonNull(item, "onNext(null) (rule 2.13)");
        Waker w;
        boolean overflow = false;
        synchronized (lock) {
            if (terminated || cancelled) {
                return; // after cancel, items may still arrive (rule 2.8)
            }
            if (queue.size() == prefetch) {
                overflow = true;
                terminated = true;
                error =
                        new IllegalStateException(
                                "AsyncStream.from: the publisher signalled more items than"
                                        + " were requested (rule 1.1); requested at most "
                                        + prefetch
                                        + " ahead");
            } else {
                queue.addLast(item);
            }
            w = waiter;
            waiter = null;
        }
        if (overflow) {
            stopUpstream = true; // the consumer still takes the queued items, then sees the error
            drainUpstream();
        }
        wake(w);
    }

    @Override
    public void onError(Throwable t) {
        Objects.requireNonNull(t, "onError(null) (rule 2.13)");
        terminate(t);
    }

    @Override
    public void onComplete() {
        terminate(null);
    }

    private void terminate(Throwable t) {
        Waker w;
        synchronized (lock) {
            if (terminated) {
                return;
            }
            terminated = true;
            error = t;
            w = waiter;
            waiter = null;
        }
        wake(w);
    }

    private static void wake(Waker w) {
        if (w != null) {
            w.wake();
        }
    }

    // ---- calls to the subscription, serialized (rule 2.7) ----

    private void request(long n) {
        pendingRequests.getAndAdd(n); // never overflows: at most prefetch is outstanding at a time
        drainUpstream();
    }

    /**
     * Passes pending requests, or the cancellation, to the subscription. Whoever raises
     * {@link #calling} from 0 does the calls and loops until no other thread asked meanwhile; the
     * others only leave their request in {@link #pendingRequests} (or set {@link #stopUpstream}).
     */
    private void drainUpstream() {
        if (calling.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            Flow.Subscription s = upstream;
            if (s != null && !upstreamCancelled) {
                if (stopUpstream) {
                    upstreamCancelled = true;
                    s.cancel();
                } else {
                    long n = pendingRequests.getAndSet(0);
                    if (n > 0) {
                        s.request(n);
                    }
                }
            }
            missed = calling.addAndGet(-missed);
        } while (missed != 0);
    }
}
