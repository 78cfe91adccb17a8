package dev.weft.bench.streams;

import static dev.weft.Async.await;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.AsyncStream;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.sync.Channel;
import java.nio.channels.ClosedChannelException;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;

/**
 * The weft side of {@link StreamBench}. The consumers are async methods, woven by the agent
 * (the JMH fork runs with {@code -javaagent}); the hand-written stream stands in for a
 * generator, whose weaving is another part of issue 17.
 */
public final class StreamWorkloads {

    /** The elements every workload moves: allocated once, so they never count per element. */
    static final Integer[] ELEMENTS = new Integer[StreamBench.N];

    static {
        for (int i = 0; i < ELEMENTS.length; i++) {
            ELEMENTS[i] = i;
        }
    }

    private StreamWorkloads() {}

    static Future<Long> sum(AsyncStream<Integer> s) {
        long total = 0;
        while (await(s.hasNext())) {
            total += s.next();
        }
        return Future.ready(total);
    }

    /** Takes exactly {@code n} elements (the stream goes on: it is reused by the next op). */
    static Future<Long> take(AsyncStream<Integer> s, int n) {
        long total = 0;
        for (int i = 0; i < n; i++) {
            if (!await(s.hasNext())) {
                throw new IllegalStateException("the stream ended early");
            }
            total += s.next();
        }
        return Future.ready(total);
    }

    private static final Context NO_RUNTIME = Context.of(() -> {});

    // ---- Channel.stream, ready: the channel holds every element before the consumer asks ----

    /** One channel and one stream over it, reused by every op. */
    static final class ReadyChannel {
        final Channel<Integer> ch = Channel.unbounded();
        final AsyncStream<Integer> stream = ch.stream();

        long op(int n) {
            for (int i = 0; i < n; i++) {
                ch.trySend(ELEMENTS[i]);
            }
            Poll<Long> p = take(stream, n).poll(NO_RUNTIME);
            if (!p.isReady()) {
                throw new IllegalStateException("a ready channel stream suspended");
            }
            return p.value();
        }
    }

    // ---- Channel.stream between two tasks: every element may suspend one side ----

    static Future<Void> produce(Channel<Integer> ch, int n) throws ClosedChannelException {
        for (int i = 0; i < n; i++) {
            await(ch.send(ELEMENTS[i]));
        }
        ch.close();
        return Future.done();
    }

    static Future<Long> pipe(int capacity, int n) throws ClosedChannelException {
        Channel<Integer> ch = Channel.bounded(capacity);
        Async.spawn(produce(ch, n));
        return Future.ready(await(sum(ch.stream())));
    }

    static long channelTasks(AsyncRuntime rt, int capacity, int n) throws ClosedChannelException {
        return rt.blockOn(pipe(capacity, n));
    }

    // ---- AsyncStream.from(SubmissionPublisher) ----

    static long fromPublisher(AsyncRuntime rt, Flow.Publisher<Integer> p, int prefetch) {
        return rt.blockOn(sum(AsyncStream.from(p, prefetch)));
    }

    // ---- AsyncStream.toPublisher(stream) to a plain Flow.Subscriber ----

    /** 0 .. n-1 from ELEMENTS, ready at once, answering from the shared polls: a generator's stand-in. */
    static final class ArrayStream implements AsyncStream<Integer>, Future<Boolean> {
        private static final Poll<Boolean> TRUE = Poll.ready(Boolean.TRUE);
        private static final Poll<Boolean> FALSE = Poll.ready(Boolean.FALSE);
        private final int n;
        private int next = -1;

        ArrayStream(int n) {
            this.n = n;
        }

        @Override
        public Future<Boolean> hasNext() {
            return this;
        }

        @Override
        public Poll<Boolean> poll(Context cx) {
            return ++next < n ? TRUE : FALSE;
        }

        @Override
        public void cancel() {
            next = n;
        }

        @Override
        public Integer next() {
            if (next >= n) {
                throw new NoSuchElementException();
            }
            return ELEMENTS[next];
        }
    }

    static long toPublisher(AsyncRuntime rt, int n, long batch) throws InterruptedException {
        // made on a thread of rt (inside blockOn), so its emission task runs on rt
        Flow.Publisher<Integer> p =
                rt.blockOn(cx -> Poll.ready(AsyncStream.toPublisher(new ArrayStream(n))));
        SummingSubscriber sub = new SummingSubscriber(batch);
        p.subscribe(sub);
        return sub.await();
    }

    /**
     * A plain Flow subscriber: requests {@code batch} at a time (Long.MAX_VALUE: all at once) and
     * sums; the consumer side of the toPublisher and SubmissionPublisher workloads.
     */
    static final class SummingSubscriber implements Flow.Subscriber<Integer> {
        private final long batch;
        private final CountDownLatch done = new CountDownLatch(1);
        private Flow.Subscription subscription;
        private long outstanding;
        private long total;
        private Throwable error;

        SummingSubscriber(long batch) {
            this.batch = batch;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            outstanding = batch;
            s.request(batch);
        }

        @Override
        public void onNext(Integer item) {
            total += item;
            if (batch != Long.MAX_VALUE && --outstanding == 0) {
                outstanding = batch;
                subscription.request(batch);
            }
        }

        @Override
        public void onError(Throwable t) {
            error = t;
            done.countDown();
        }

        @Override
        public void onComplete() {
            done.countDown();
        }

        long await() throws InterruptedException {
            done.await();
            if (error != null) {
                throw new IllegalStateException(error);
            }
            return total;
        }
    }
}
