package dev.weft.internal.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.AsyncRuntime;
import dev.weft.AsyncStream;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** AsyncStream.from by manual polling against a publisher the test drives by hand. */
class PublisherStreamTest {

    /** A publisher whose one subscriber the test signals by hand; records requests and cancels. */
    static final class ManualPublisher implements Flow.Publisher<Integer> {
        Flow.Subscriber<? super Integer> subscriber;
        int subscribes;
        long requested;
        final List<Long> requests = new ArrayList<>();
        int cancels;

        @Override
        public void subscribe(Flow.Subscriber<? super Integer> s) {
            subscribes++;
            subscriber = s;
            s.onSubscribe(
                    new Flow.Subscription() {
                        @Override
                        public void request(long n) {
                            requests.add(n);
                            requested += n;
                        }

                        @Override
                        public void cancel() {
                            cancels++;
                        }
                    });
        }
    }

    private final AtomicInteger wakes = new AtomicInteger();
    private final Context cx = Context.of(wakes::incrementAndGet);

    private Poll<Boolean> poll(AsyncStream<?> s) {
        return s.hasNext().poll(cx);
    }

    private boolean ready(AsyncStream<?> s) {
        Poll<Boolean> p = poll(s);
        assertTrue(p.isReady(), "hasNext() pending");
        return p.value();
    }

    @Test
    void subscribesAtTheFirstHasNextNotBefore() {
        ManualPublisher pub = new ManualPublisher();
        AsyncStream<Integer> s = AsyncStream.from(pub, 4);
        assertEquals(0, pub.subscribes);
        assertFalse(poll(s).isReady());
        assertEquals(1, pub.subscribes);
        assertEquals(List.of(4L), pub.requests);
        assertFalse(poll(s).isReady());
        assertEquals(1, pub.subscribes, "once");
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(
                IllegalArgumentException.class, () -> AsyncStream.from(new ManualPublisher(), 0));
        assertThrows(NullPointerException.class, () -> AsyncStream.from(null, 1));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 8, 16, 100})
    void neverMoreThanPrefetchRequestedAheadOfTheConsumer(int prefetch) {
        ManualPublisher pub = new ManualPublisher();
        AsyncStream<Integer> s = AsyncStream.from(pub, prefetch);
        assertFalse(poll(s).isReady());
        int sent = 0;
        int taken = 0;
        while (taken < 1000) {
            // the publisher sends everything it may; the consumer then takes one element
            while (sent < pub.requested) {
                pub.subscriber.onNext(sent++);
            }
            assertTrue(ready(s));
            assertEquals(taken, s.next());
            taken++;
            assertTrue(
                    pub.requested - taken <= prefetch,
                    "requested "
                            + pub.requested
                            + " with "
                            + taken
                            + " taken, prefetch "
                            + prefetch);
        }
        assertTrue(pub.requested - taken >= prefetch / 2, "keeps the pipe reasonably full");
        int limit = prefetch - prefetch / 4;
        for (int i = 1; i < pub.requests.size(); i++) {
            assertEquals(limit, pub.requests.get(i), "replenishes in batches of 75%");
        }
    }

    @Test
    void aPendingHasNextIsWokenByOnNextAndCompletesFalseOnComplete() {
        ManualPublisher pub = new ManualPublisher();
        AsyncStream<Integer> s = AsyncStream.from(pub, 2);
        assertFalse(poll(s).isReady());
        pub.subscriber.onNext(7);
        assertEquals(1, wakes.get());
        assertTrue(ready(s));
        assertEquals(7, s.next());
        assertThrows(NoSuchElementException.class, s::next);
        assertFalse(poll(s).isReady());
        pub.subscriber.onComplete();
        assertEquals(2, wakes.get());
        assertFalse(ready(s));
        assertFalse(ready(s), "stays at the end");
    }

    @Test
    void theErrorComesOutAsTheOriginalObjectAfterTheQueuedItems() {
        ManualPublisher pub = new ManualPublisher();
        AsyncStream<Integer> s = AsyncStream.from(pub, 4);
        assertFalse(poll(s).isReady());
        IOException boom = new IOException("boom");
        pub.subscriber.onNext(1);
        pub.subscriber.onNext(2);
        pub.subscriber.onError(boom);
        assertTrue(ready(s));
        assertEquals(1, s.next());
        assertTrue(ready(s));
        assertEquals(2, s.next());
        Future<Boolean> h = s.hasNext();
        IOException thrown = assertThrows(IOException.class, () -> h.poll(cx));
        assertSame(boom, thrown);
        assertFalse(ready(s), "after the failure: the end");
    }

    @Test
    void cancelCancelsTheSubscriptionAndEndsTheStream() {
        ManualPublisher pub = new ManualPublisher();
        AsyncStream<Integer> s = AsyncStream.from(pub, 4);
        assertFalse(poll(s).isReady());
        pub.subscriber.onNext(1);
        s.cancel();
        s.cancel();
        assertEquals(1, pub.cancels, "once");
        pub.subscriber.onNext(2); // rule 2.8: items may still arrive after cancel
        assertFalse(ready(s), "a cancelled stream is at its end");
    }

    @Test
    void cancelBeforeTheFirstHasNextNeverSubscribes() {
        ManualPublisher pub = new ManualPublisher();
        AsyncStream<Integer> s = AsyncStream.from(pub, 4);
        s.cancel();
        assertFalse(ready(s));
        assertEquals(0, pub.subscribes);
    }

    @Test
    void cancelBeforeOnSubscribeCancelsTheLateSubscription() {
        Flow.Subscriber<?>[] held = new Flow.Subscriber<?>[1];
        AsyncStream<Integer> s =
                AsyncStream.from(sub -> held[0] = sub, 4); // onSubscribe comes later
        assertFalse(poll(s).isReady());
        s.cancel();
        ManualPublisher pub = new ManualPublisher();
        pub.subscribe(castSubscriber(held[0]));
        assertEquals(1, pub.cancels);
        assertEquals(List.of(), pub.requests, "cancelled before it could request");
    }

    @Test
    void aSecondSubscriptionIsCancelled() {
        ManualPublisher pub = new ManualPublisher();
        AsyncStream<Integer> s = AsyncStream.from(pub, 4);
        assertFalse(poll(s).isReady());
        ManualPublisher other = new ManualPublisher();
        other.subscribe(pub.subscriber);
        assertEquals(1, other.cancels);
        assertEquals(List.of(), other.requests);
        assertEquals(0, pub.cancels);
    }

    @Test
    void aPublisherSendingMoreThanRequestedFailsTheStream() {
        ManualPublisher pub = new ManualPublisher();
        AsyncStream<Integer> s = AsyncStream.from(pub, 2);
        assertFalse(poll(s).isReady());
        pub.subscriber.onNext(1);
        pub.subscriber.onNext(2);
        pub.subscriber.onNext(3);
        assertEquals(1, pub.cancels);
        assertTrue(ready(s));
        assertEquals(1, s.next());
        assertTrue(ready(s));
        assertEquals(2, s.next());
        Future<Boolean> h = s.hasNext();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> h.poll(cx));
        assertTrue(e.getMessage().contains("1.1"), e.getMessage());
    }

    @Test
    void nullSignalsThrowNullPointer() {
        ManualPublisher pub = new ManualPublisher();
        AsyncStream<Integer> s = AsyncStream.from(pub, 2);
        assertFalse(poll(s).isReady());
        assertThrows(NullPointerException.class, () -> pub.subscriber.onNext(null));
        assertThrows(NullPointerException.class, () -> pub.subscriber.onError(null));
        assertThrows(NullPointerException.class, () -> pub.subscriber.onSubscribe(null));
    }

    @Test
    void consumesASubmissionPublisherOnARuntime() {
        SubmissionPublisher<Integer> source = new SubmissionPublisher<>();
        AsyncStream<Integer> s = AsyncStream.from(source, 8);
        Thread producer =
                new Thread(
                        () -> {
                            while (source.getNumberOfSubscribers() == 0) {
                                Thread.onSpinWait();
                            }
                            for (int i = 0; i < 10_000; i++) {
                                source.submit(i);
                            }
                            source.close();
                        });
        producer.start();
        try (AsyncRuntime rt = AsyncRuntime.create()) {
            long sum = rt.blockOn(new Sum(s));
            assertEquals(10_000L * 9_999 / 2, sum);
        }
    }

    /** {@code while (await(s.hasNext())) total += s.next();}, written by hand. */
    static final class Sum implements Future<Long> {
        private final AsyncStream<Integer> s;
        private Future<Boolean> h;
        private long total;

        Sum(AsyncStream<Integer> s) {
            this.s = s;
        }

        @Override
        public Poll<Long> poll(Context cx) {
            for (; ; ) {
                if (h == null) {
                    h = s.hasNext();
                }
                Poll<Boolean> p = h.poll(cx);
                if (!p.isReady()) {
                    return Poll.pending();
                }
                h = null;
                if (!p.value()) {
                    return Poll.ready(total);
                }
                total += s.next();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Flow.Subscriber<? super Integer> castSubscriber(Flow.Subscriber<?> s) {
        return (Flow.Subscriber<? super Integer>) s;
    }
}
