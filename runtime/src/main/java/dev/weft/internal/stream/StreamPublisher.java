package dev.weft.internal.stream;

import dev.weft.AsyncStream;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.Waker;
import dev.weft.internal.context.Coop;
import dev.weft.internal.context.RuntimeHandle;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code AsyncStream.toPublisher(stream)}: a publisher whose single subscription is driven by a
 * task.
 *
 * <p>Implementation overview.
 * <ul>
 *   <li><b>Who drives the stream.</b> {@code subscribe} spawns an {@link Emission} task on a weft
 *       runtime: the runtime current when {@code toPublisher} was called, else the one current at
 *       {@code subscribe}. The stream's futures are then polled the way every future is, by a task
 *       that its wakers re-schedule, so a stream that awaits timers, sockets or channels works
 *       and the subscriber's threads never run the producer. Neither current (a publisher made
 *       and subscribed on plain threads): the subscriber gets {@code onSubscribe} then
 *       {@code onError(IllegalStateException)} saying so. On a current-thread runtime the task
 *       runs only while some thread is inside that runtime's {@code blockOn}.
 *   <li><b>Serial signals (rule 1.3).</b> Every signal, {@code onSubscribe} included, is sent by
 *       the task, which one thread at a time polls; the subscriber's {@code request} and
 *       {@code cancel} only record what they ask for ({@link #requested}, {@code cancelled},
 *       {@code badRequest}) and wake the task.
 *   <li><b>Demand (rule 1.1).</b> {@link #requested} is the total ever requested, saturating at
 *       {@code Long.MAX_VALUE} (rule 3.17: unbounded); the task counts what it emitted and calls
 *       {@code hasNext()} only while {@code emitted < requested}, so it never even asks the stream
 *       for an element nobody wants.
 *   <li><b>No lost wake.</b> A poll stores its waker before it reads the demand and the flags;
 *       {@code request} and {@code cancel} write those before they read the waker (all volatile).
 *   <li><b>One subscriber.</b> A stream has one consumer, so a second {@code subscribe} gets
 *       {@code onSubscribe} then {@code onError(IllegalStateException)} (rule 1.9 allows it).
 *   <li><b>Endings.</b> {@code hasNext()} false: {@code onComplete}. A failure out of
 *       {@code hasNext()} or {@code next()}: {@code onError} with the original object.
 *       {@code cancel} (rule 3.5): the pending {@code hasNext()} future is cancelled, then the
 *       stream. {@code request(n <= 0)}: the stream is cancelled and the subscriber gets
 *       {@code onError(IllegalArgumentException)} (rule 3.9). A subscriber method that throws
 *       (rule 2.13) cancels the stream and ends the emission silently. The task aborted (its
 *       runtime closing): the stream is cancelled and the subscriber gets
 *       {@code onError(CancellationException)}. Each ending drops the subscriber (rule 3.13).
 * </ul>
 */
final class StreamPublisher<T> implements Flow.Publisher<T> {

    private final AsyncStream<T> stream;

    /** The runtime current at creation, or null. */
    private final RuntimeHandle runtime;

    private final AtomicBoolean subscribed = new AtomicBoolean();

    StreamPublisher(AsyncStream<T> stream) {
        this.stream = stream;
        this.runtime = RuntimeHandle.current();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super T> subscriber) {
        Objects.requireNonNull(subscriber, "subscribe(null) (rule 1.9)");
        if (!subscribed.compareAndSet(false, true)) {
            refuse(
                    subscriber,
                    new IllegalStateException(
                            "AsyncStream.toPublisher: the publisher of a stream can be subscribed to once"));
            return;
        }
        RuntimeHandle rt = runtime != null ? runtime : RuntimeHandle.current();
        if (rt == null) {
            refuse(
                    subscriber,
                    new IllegalStateException(
                            "AsyncStream.toPublisher: created and subscribed"
                                    + " outside a weft runtime, so no task can drive the stream: call toPublisher or subscribe"
                                    + " on a runtime thread (inside AsyncRuntime.blockOn or a spawned task)"));
            return;
        }
        rt.spawn(new Emission<>(stream, subscriber));
    }

    private static void refuse(Flow.Subscriber<?> subscriber, Throwable why) {
        subscriber.onSubscribe(NoSubscription.INSTANCE);
        subscriber.onError(why);
    }

    /** The subscription of a refused subscriber: nothing to request or cancel. */
    private enum NoSubscription implements Flow.Subscription {
        INSTANCE;

        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
    }

    /**
     * The task that drives one subscription: polls the stream's {@code hasNext()} while there is
     * demand and sends every signal. Its fields without {@code volatile} belong to the task.
     */
    private static final class Emission<T> implements Future<Void> {

        /** Elements emitted in one poll before the task yields to its worker's other tasks. */
        private static final int BATCH = Coop.BUDGET;

        /** Null once the emission ended. */
        private AsyncStream<T> stream;

        /** Null once the emission ended (rule 3.13). */
        private Flow.Subscriber<? super T> subscriber;

        /** The subscriber's handle; a separate object as its cancel is not this future's cancel. */
        private final Demand demand = new Demand();

        /** The waker of the latest poll; the subscriber's calls wake it. */
        private volatile Waker waker;

        /** Total requested, saturated at Long.MAX_VALUE. */
        private final AtomicLong requested = new AtomicLong();

        /** Set by {@code Subscription.cancel}; never unset. */
        private volatile boolean cancelled;

        /** The first bad request's failure (rule 3.9); never unset. */
        private volatile IllegalArgumentException badRequest;

        private boolean started;

        private long emitted;

        /** The {@code hasNext()} future of the latest poll that returned pending, or null. */
        private Future<Boolean> pendingHasNext;

        Emission(AsyncStream<T> stream, Flow.Subscriber<? super T> subscriber) {
            this.stream = stream;
            this.subscriber = subscriber;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            waker = cx.waker(); // ordering: before reading the demand and flags (no lost wake)
            if (stream == null) {
                return Poll.ready(null);
            }
            if (!started) {
                started = true;
                try {
                    subscriber.onSubscribe(demand);
                } catch (Throwable e) { // rule 2.13: treat it as a cancellation
                    end(null);
                    return Poll.ready(null);
                }
            }
            for (int n = 0; ; n++) {
                if (cancelled) {
                    end(null);
                    return Poll.ready(null);
                }
                IllegalArgumentException bad = badRequest;
                if (bad != null) {
                    end(bad);
                    return Poll.ready(null);
                }
                Future<Boolean> h = pendingHasNext;
                if (h == null) {
                    if (emitted == requested.get()) {
                        return Poll.pending(); // no demand: request() wakes us
                    }
                    if (n == BATCH) { // fairness, also for streams whose futures spend no coop
                        // budget
                        cx.waker().wake();
                        return Poll.pending();
                    }
                    h = stream.hasNext();
                }
                boolean more;
                T item = null;
                try {
                    Poll<Boolean> p = h.poll(cx);
                    if (!p.isReady()) {
                        pendingHasNext = h;
                        return Poll.pending();
                    }
                    pendingHasNext = null;
                    more = p.value();
                    if (more) {
                        item = stream.next();
                    }
                } catch (Throwable e) {
                    pendingHasNext = null;
                    complete(e);
                    return Poll.ready(null);
                }
                if (!more) {
                    complete(null);
                    return Poll.ready(null);
                }
                emitted++;
                try {
                    subscriber.onNext(item);
                } catch (Throwable e) { // rule 2.13: treat it as a cancellation
                    end(null);
                    return Poll.ready(null);
                }
            }
        }

        /** The task is aborted (its runtime is closing): cancel the stream, tell the subscriber. */
        @Override
        public void cancel() {
            if (stream == null) {
                return;
            }
            Flow.Subscriber<? super T> s = subscriber;
            if (!started) {
                started = true;
                s.onSubscribe(demand);
            }
            end(
                    new CancellationException(
                            "AsyncStream.toPublisher: the task emitting the stream was"
                                    + " cancelled (its runtime closed)"));
        }

        /** The stream ended by itself: a completion, or the failure as the original object. */
        private void complete(Throwable failure) {
            Flow.Subscriber<? super T> s = subscriber;
            stream = null;
            subscriber = null;
            if (failure == null) {
                s.onComplete();
            } else {
                s.onError(failure);
            }
        }

        /** The emission stops early: cancels the stream, then sends {@code failure} if any. */
        private void end(Throwable failure) {
            Flow.Subscriber<? super T> s = subscriber;
            AsyncStream<T> st = stream;
            stream = null;
            subscriber = null;
            Future<Boolean> h = pendingHasNext;
            pendingHasNext = null;
            try {
                if (h != null) {
                    h.cancel();
                }
                st.cancel();
            } finally {
                if (failure != null) {
                    s.onError(failure);
                }
            }
        }

        private void wakeTask() {
            Waker w = waker;
            if (w != null) {
                w.wake();
            }
        }

        /** What the subscriber holds: records its calls and wakes the task. */
        private final class Demand implements Flow.Subscription {
            @Override
            public void request(long n) {
                if (n <= 0) {
                    if (badRequest == null) {
                        badRequest =
                                new IllegalArgumentException(
                                        "Subscription.request("
                                                + n
                                                + "): the demand must be positive (rule 3.9)");
                    }
                } else {
                    long r;
                    long next;
                    do {
                        r = requested.get();
                        if (r == Long.MAX_VALUE) {
                            return;
                        }
                        next = r + n < 0 ? Long.MAX_VALUE : r + n;
                    } while (!requested.compareAndSet(r, next));
                }
                wakeTask();
            }

            @Override
            public void cancel() {
                cancelled = true;
                wakeTask();
            }
        }
    }
}
