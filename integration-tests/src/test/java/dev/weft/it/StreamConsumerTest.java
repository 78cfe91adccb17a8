package dev.weft.it;

import static dev.weft.Async.await;
import static dev.weft.testkit.AllocationMeter.allocated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.AsyncStream;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.sync.Channel;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 17 point 2: streams consumed by woven code, {@code while (await(s.hasNext())) s.next()},
 * for the three streams the runtime makes (Channel.stream, AsyncStream.from and, through a round
 * trip, toPublisher), on both runtimes; failures come out of the await as the original object;
 * a timeout around one hasNext loses no element; consuming a ready stream allocates nothing per
 * element.
 */
class StreamConsumerTest {

    static Stream<Supplier<AsyncRuntime>> runtimes() {
        return Stream.of(
                AsyncRuntime::currentThread, () -> AsyncRuntime.builder().workers(2).build());
    }

    static Future<Long> sum(AsyncStream<Integer> s) {
        long total = 0;
        while (await(s.hasNext())) {
            total += s.next();
        }
        return Future.ready(total);
    }

    static Future<List<Integer>> collect(AsyncStream<Integer> s) {
        List<Integer> out = new ArrayList<>();
        while (await(s.hasNext())) {
            out.add(s.next());
        }
        return Future.ready(out);
    }

    static Future<Void> produce(Channel<Integer> ch, int n) throws ClosedChannelException {
        for (int i = 0; i < n; i++) {
            await(ch.send(i));
        }
        ch.close();
        return Future.done();
    }

    static Future<Long> produceAndSum(int n) throws ClosedChannelException {
        Channel<Integer> ch = Channel.bounded(8);
        Async.spawn(produce(ch, n));
        return Future.ready(
                await(sum(ch.stream()))); // an await, so this runs when polled, on the runtime
    }

    @ParameterizedTest
    @MethodSource("runtimes")
    void aChannelStreamReceivesUntilClosedAndDrained(Supplier<AsyncRuntime> runtime)
            throws Exception {
        try (AsyncRuntime rt = runtime.get()) {
            assertEquals(20_000L * 19_999 / 2, rt.blockOn(produceAndSum(20_000)));
        }
    }

    @ParameterizedTest
    @MethodSource("runtimes")
    void aPublisherIsConsumedWithBoundedPrefetch(Supplier<AsyncRuntime> runtime) {
        SubmissionPublisher<Integer> source = new SubmissionPublisher<>();
        AsyncStream<Integer> s = AsyncStream.from(source, 16);
        Thread producer =
                new Thread(
                        () -> {
                            while (source.getNumberOfSubscribers() == 0) {
                                Thread.onSpinWait();
                            }
                            for (int i = 0; i < 20_000; i++) {
                                source.submit(i);
                            }
                            source.close();
                        });
        producer.start();
        try (AsyncRuntime rt = runtime.get()) {
            assertEquals(20_000L * 19_999 / 2, rt.blockOn(sum(s)));
        }
    }

    static Future<String> sumOrCatch(AsyncStream<Integer> s) {
        long total = 0;
        try {
            while (await(s.hasNext(), IOException.class)) {
                total += s.next();
            }
            return Future.ready("completed " + total);
        } catch (IOException e) {
            return Future.ready("failed after " + total + ": " + e.getMessage());
        }
    }

    static Future<Object> failureObject(AsyncStream<Integer> s) {
        try {
            while (await(s.hasNext())) {
                s.next();
            }
            return Future.ready(null);
        } catch (Throwable e) {
            return Future.ready(e);
        }
    }

    @ParameterizedTest
    @MethodSource("runtimes")
    void aPublisherFailureComesOutOfTheAwaitAsTheOriginalObject(Supplier<AsyncRuntime> runtime) {
        IOException boom = new IOException("boom");
        try (AsyncRuntime rt = runtime.get()) {
            assertEquals(
                    "failed after 3: boom",
                    rt.blockOn(sumOrCatch(AsyncStream.from(failing(boom, 1, 2), 2))));
            assertSame(boom, rt.blockOn(failureObject(AsyncStream.from(failing(boom), 4))));
        }
    }

    /** A publisher of {@code items}, then onError(error), honouring demand; synchronous. */
    static Flow.Publisher<Integer> failing(Throwable error, Integer... items) {
        return sub ->
                sub.onSubscribe(
                        new Flow.Subscription() {
                            int next;
                            boolean done;

                            @Override
                            public void request(long n) {
                                for (long i = 0; i < n && next < items.length; i++) {
                                    sub.onNext(items[next++]);
                                }
                                if (next == items.length && !done) {
                                    done = true;
                                    sub.onError(error);
                                }
                            }

                            @Override
                            public void cancel() {
                                done = true;
                            }
                        });
    }

    static Future<Flow.Publisher<Integer>> publisherOfChannel(Channel<Integer> ch) {
        return Future.ready(AsyncStream.toPublisher(ch.stream()));
    }

    static Future<List<Integer>> roundTrip(int n) throws ClosedChannelException {
        Channel<Integer> ch = Channel.bounded(4);
        Async.spawn(produce(ch, n));
        Flow.Publisher<Integer> p =
                await(publisherOfChannel(ch)); // made on this runtime: its task drives the channel
        return collect(AsyncStream.from(p, 3));
    }

    @ParameterizedTest
    @MethodSource("runtimes")
    void aRoundTripThroughToPublisherAndFromKeepsEveryElementInOrder(Supplier<AsyncRuntime> runtime)
            throws Exception {
        try (AsyncRuntime rt = runtime.get()) {
            List<Integer> got = rt.blockOn(roundTrip(5_000));
            assertEquals(5_000, got.size());
            for (int i = 0; i < got.size(); i++) {
                assertEquals(i, got.get(i));
            }
        }
    }

    /** Awaits each hasNext under a timeout; counts the timeouts, then sends 2 and closes. */
    static Future<String> patientConsumer(Channel<Integer> ch) throws ClosedChannelException {
        AsyncStream<Integer> s = ch.stream();
        int timeouts = 0;
        List<Integer> got = new ArrayList<>();
        for (; ; ) {
            boolean more;
            try {
                more = await(Async.timeout(Duration.ofMillis(5), s.hasNext()));
            } catch (TimeoutException e) {
                timeouts++;
                if (timeouts == 2) {
                    await(ch.send(1));
                    await(ch.send(2));
                    ch.close();
                }
                continue;
            }
            if (!more) {
                return Future.ready(timeouts + " timeouts, then " + got);
            }
            got.add(s.next());
        }
    }

    @ParameterizedTest
    @MethodSource("runtimes")
    void aTimeoutAroundHasNextLosesNoElement(Supplier<AsyncRuntime> runtime) throws Exception {
        try (AsyncRuntime rt = runtime.get()) {
            assertEquals(
                    "2 timeouts, then [1, 2]", rt.blockOn(patientConsumer(Channel.bounded(2))));
        }
    }

    // ---- allocation per element of a ready stream, measured with the thread's counter ----

    private static final Integer[] ELEMENTS = new Integer[100_000];

    static {
        for (int i = 0; i < ELEMENTS.length; i++) {
            ELEMENTS[i] = i;
        }
    }

    /** Polls {@code f} once: every stream here is ready, so the sum must be too. */
    private static long pollOnce(Future<Long> f) {
        Poll<Long> p = f.poll(Context.of(() -> {}));
        assertTrue(p.isReady(), "a ready stream suspended");
        return p.value();
    }

    private static Channel<Integer> filledChannel(int n) {
        Channel<Integer> ch = Channel.bounded(n);
        for (int i = 0; i < n; i++) {
            ch.trySend(ELEMENTS[i]);
        }
        ch.close();
        return ch;
    }

    /** A publisher that answers each request at once, from ELEMENTS, on the requesting thread. */
    static Flow.Publisher<Integer> synchronous(int n) {
        return sub ->
                sub.onSubscribe(
                        new Flow.Subscription() {
                            int next;

                            @Override
                            public void request(long k) {
                                for (long i = 0; i < k && next < n; i++) {
                                    sub.onNext(ELEMENTS[next++]);
                                }
                                if (next == n) {
                                    next++;
                                    sub.onComplete();
                                }
                            }

                            @Override
                            public void cancel() {}
                        });
    }

    /** Bytes allocated per element beyond a one-element run: the per-stream costs cancel out. */
    private static double bytesPerElement(
            String what, java.util.function.IntFunction<AsyncStream<Integer>> make) {
        int n = ELEMENTS.length;
        for (int i = 0; i < 20; i++) { // warm-up: interpreter, C1, C2
            pollOnce(sum(make.apply(n)));
            pollOnce(sum(make.apply(1)));
        }
        AsyncStream<Integer> one = make.apply(1);
        AsyncStream<Integer> many = make.apply(n);
        long a0 = allocated();
        long s1 = pollOnce(sum(one));
        long a1 = allocated();
        long sn = pollOnce(sum(many));
        long a2 = allocated();
        assertEquals(0, s1);
        assertEquals((long) n * (n - 1) / 2, sn);
        double perElement = ((a2 - a1) - (a1 - a0)) / (double) (n - 1);
        System.out.printf(
                "[alloc] %s: 1 element %d B, %d elements %d B, %.4f B per extra element%n",
                what, a1 - a0, n, a2 - a1, perElement);
        return perElement;
    }

    @Test
    void consumingAReadyChannelStreamAllocatesNothingPerElement() {
        double b =
                bytesPerElement("Channel.stream, woven consumer", n -> filledChannel(n).stream());
        assertTrue(b < 0.01, "Channel.stream allocated " + b + " B per element");
    }

    @Test
    void consumingASynchronousPublisherAllocatesNothingPerElement() {
        double b =
                bytesPerElement(
                        "AsyncStream.from(synchronous publisher, 64), woven consumer",
                        n -> AsyncStream.from(synchronous(n), 64));
        assertTrue(b < 0.01, "AsyncStream.from allocated " + b + " B per element");
    }
}
