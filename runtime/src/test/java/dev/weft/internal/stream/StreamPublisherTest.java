package dev.weft.internal.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.AsyncRuntime;
import dev.weft.AsyncStream;
import dev.weft.Poll;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** AsyncStream.toPublisher: demand, endings, cancellation and who drives the stream. */
class StreamPublisherTest {

    private final AsyncRuntime rt =
            AsyncRuntime.builder().workers(2).threadNamePrefix("weft-pub-").build();

    @AfterEach
    void close() {
        rt.close();
    }

    /** toPublisher called on a runtime thread, so the runtime is captured at creation. */
    private <T> Flow.Publisher<T> publisherOf(AsyncStream<T> s) {
        return rt.blockOn(cx -> Poll.ready(AsyncStream.toPublisher(s)));
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().collect(Collectors.toList());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void emitsEveryElementThenCompletes(boolean suspending) throws Exception {
        ScriptedStream s = new ScriptedStream(1000, null, suspending);
        RecordingSubscriber<Integer> sub = new RecordingSubscriber<>(Long.MAX_VALUE);
        publisherOf(s).subscribe(sub);
        sub.awaitTerminated();
        assertTrue(sub.completed);
        assertEquals(range(1000), sub.items);
        assertEquals(List.of(), sub.violations);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void neverEmitsBeyondDemandNorAsksTheStreamAhead(boolean suspending) throws Exception {
        ScriptedStream s = new ScriptedStream(10, null, suspending);
        RecordingSubscriber<Integer> sub = new RecordingSubscriber<>(2);
        sub.itemsLatch = new CountDownLatch(2);
        publisherOf(s).subscribe(sub);
        sub.awaitItems(sub.itemsLatch);
        sub.itemsLatch = new CountDownLatch(3);
        sub.request(3);
        sub.awaitItems(sub.itemsLatch);
        // the task has seen the demand of 5 and emitted 5; a 6th hasNext would mean it asked ahead
        sub.itemsLatch = new CountDownLatch(5);
        sub.request(5);
        sub.awaitItems(sub.itemsLatch);
        assertEquals(range(10), sub.items);
        assertEquals(List.of(), sub.violations);
        assertEquals(10, s.hasNextCalls.get(), "hasNext() only for requested elements");
        sub.request(1); // the end needs no demand, but asking for it with demand is fine too
        sub.awaitTerminated();
        assertTrue(sub.completed);
        assertEquals(List.of(), sub.violations);
    }

    @Test
    void completesWithoutDemandOnAnEmptyStream() throws Exception {
        RecordingSubscriber<Integer> sub = new RecordingSubscriber<>(1);
        publisherOf(ScriptedStream.of(0)).subscribe(sub);
        sub.awaitTerminated();
        assertTrue(sub.completed);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aFailureIsSignalledAsTheOriginalObject(boolean suspending) throws Exception {
        IOException boom = new IOException("boom");
        RecordingSubscriber<Integer> sub = new RecordingSubscriber<>(100);
        publisherOf(new ScriptedStream(3, boom, suspending)).subscribe(sub);
        sub.awaitTerminated();
        assertSame(boom, sub.error);
        assertEquals(range(3), sub.items);
        assertEquals(List.of(), sub.violations);
    }

    @Test
    void cancelCancelsTheStream() throws Exception {
        ScriptedStream s = ScriptedStream.of(1000);
        RecordingSubscriber<Integer> sub = new RecordingSubscriber<>(2);
        sub.itemsLatch = new CountDownLatch(2);
        publisherOf(s).subscribe(sub);
        sub.awaitItems(sub.itemsLatch);
        sub.subscription.cancel();
        sub.subscription.cancel(); // rule 3.7: idempotent
        assertTrue(s.cancelled.await(10, TimeUnit.SECONDS));
        sub.subscription.request(10); // rule 3.6: a no-op after cancel
        assertEquals(1, s.cancels.get());
        assertEquals(range(2), sub.items);
        assertEquals(1, sub.terminated.getCount(), "no terminal signal after cancel");
    }

    @Test
    void aNonPositiveRequestFailsWithIllegalArgumentAndCancelsTheStream() throws Exception {
        ScriptedStream s = ScriptedStream.of(10);
        RecordingSubscriber<Integer> sub = new RecordingSubscriber<>(0);
        publisherOf(s).subscribe(sub);
        waitForSubscription(sub);
        sub.subscription.request(0);
        sub.awaitTerminated();
        assertInstanceOf(IllegalArgumentException.class, sub.error);
        assertTrue(sub.error.getMessage().contains("3.9"), sub.error.getMessage());
        assertEquals(1, s.cancels.get());
    }

    @Test
    void aSecondSubscriberIsRefused() throws Exception {
        Flow.Publisher<Integer> p = publisherOf(ScriptedStream.of(3));
        RecordingSubscriber<Integer> first = new RecordingSubscriber<>(10);
        RecordingSubscriber<Integer> second = new RecordingSubscriber<>(10);
        p.subscribe(first);
        p.subscribe(second);
        second.awaitTerminated();
        assertInstanceOf(IllegalStateException.class, second.error);
        assertNotNull(second.subscription, "onSubscribe before onError (rule 1.9)");
        first.awaitTerminated();
        assertEquals(range(3), first.items);
    }

    @Test
    void subscribeNullThrowsNullPointer() {
        assertThrows(
                NullPointerException.class,
                () -> publisherOf(ScriptedStream.of(1)).subscribe(null));
    }

    @Test
    void outsideAnyRuntimeTheSubscriberGetsAClearError() throws Exception {
        Flow.Publisher<Integer> p =
                AsyncStream.toPublisher(ScriptedStream.of(3)); // this thread: no runtime
        RecordingSubscriber<Integer> sub = new RecordingSubscriber<>(10);
        p.subscribe(sub);
        sub.awaitTerminated();
        assertInstanceOf(IllegalStateException.class, sub.error);
        assertTrue(
                sub.error.getMessage().contains("outside a weft runtime"), sub.error.getMessage());
    }

    @Test
    void createdInARuntimeItWorksWhenSubscribedFromAPlainThread() throws Exception {
        Flow.Publisher<Integer> p = publisherOf(ScriptedStream.of(5));
        RecordingSubscriber<Integer> sub = new RecordingSubscriber<>(10);
        Thread t = new Thread(() -> p.subscribe(sub));
        t.start();
        t.join();
        sub.awaitTerminated();
        assertEquals(range(5), sub.items);
        assertTrue(
                sub.lastSignalThread.getName().startsWith("weft-pub-"),
                "signals come from the runtime's task");
    }

    @Test
    void subscribedOnARuntimeThreadItUsesThatRuntime() throws Exception {
        Flow.Publisher<Integer> p =
                AsyncStream.toPublisher(ScriptedStream.of(5)); // no runtime captured
        RecordingSubscriber<Integer> sub = new RecordingSubscriber<>(10);
        rt.blockOn(
                cx -> {
                    p.subscribe(sub);
                    return Poll.ready(null);
                });
        sub.awaitTerminated();
        assertEquals(range(5), sub.items);
    }

    @Test
    void closingTheRuntimeCancelsTheStreamAndTellsTheSubscriber() throws Exception {
        ScriptedStream s = ScriptedStream.of(10);
        RecordingSubscriber<Integer> sub = new RecordingSubscriber<>(1);
        sub.itemsLatch = new CountDownLatch(1);
        publisherOf(s).subscribe(sub);
        sub.awaitItems(sub.itemsLatch);
        rt.close();
        sub.awaitTerminated();
        assertInstanceOf(CancellationException.class, sub.error);
        assertEquals(1, s.cancels.get());
    }

    @Test
    void aThrowingOnNextCancelsTheStream() throws Exception {
        ScriptedStream s = ScriptedStream.of(10);
        RecordingSubscriber<Integer> sub =
                new RecordingSubscriber<>(10) {
                    @Override
                    public void onNext(Integer item) {
                        super.onNext(item);
                        throw new IllegalStateException("subscriber bug");
                    }
                };
        publisherOf(s).subscribe(sub);
        assertTrue(s.cancelled.await(10, TimeUnit.SECONDS));
        assertEquals(List.of(0), sub.items);
        assertNull(sub.error);
    }

    @Test
    void roundTripThroughFromAndSubmissionPublisher() throws Exception {
        SubmissionPublisher<Integer> source = new SubmissionPublisher<>();
        Flow.Publisher<Integer> p = publisherOf(AsyncStream.from(source, 4));
        RecordingSubscriber<Integer> sub = new RecordingSubscriber<>(Long.MAX_VALUE);
        p.subscribe(sub);
        while (source.getNumberOfSubscribers() == 0) {
            Thread.onSpinWait();
        }
        for (int i = 0; i < 500; i++) {
            source.submit(i);
        }
        source.close();
        sub.awaitTerminated();
        assertTrue(sub.completed);
        assertEquals(range(500), sub.items);
        assertEquals(List.of(), sub.violations);
    }

    private static void waitForSubscription(RecordingSubscriber<?> sub) {
        while (sub.subscription == null) {
            Thread.onSpinWait();
        }
    }
}
