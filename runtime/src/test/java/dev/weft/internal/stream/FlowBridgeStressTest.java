package dev.weft.internal.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.AsyncRuntime;
import dev.weft.AsyncStream;
import dev.weft.Poll;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Both bridges at once under real concurrency: a SubmissionPublisher's thread feeds
 * {@code AsyncStream.from} (random prefetch), whose stream goes through {@code toPublisher} (its
 * task on a two-worker runtime) to a subscriber requesting random batches from its own thread and
 * sometimes cancelling midway. Every round: no rule violation seen by the subscriber, the items
 * a prefix of the source in order, and a full run complete.
 */
@Tag("stress")
class FlowBridgeStressTest {

    @Test
    void randomDemandAndCancellationAcrossThreeThreads() throws Exception {
        SplittableRandom random = new SplittableRandom(17);
        try (AsyncRuntime rt =
                AsyncRuntime.builder().workers(2).threadNamePrefix("weft-bridge-").build()) {
            for (int round = 0; round < 100; round++) {
                int n = 1 + random.nextInt(2_000);
                int prefetch = 1 + random.nextInt(40);
                int cancelAt = random.nextInt(4) == 0 ? random.nextInt(n) : -1;
                SubmissionPublisher<Integer> source = new SubmissionPublisher<>();
                AsyncStream<Integer> from = AsyncStream.from(source, prefetch);
                Flow.Publisher<Integer> p =
                        rt.blockOn(cx -> Poll.ready(AsyncStream.toPublisher(from)));
                RecordingSubscriber<Integer> sub = new RecordingSubscriber<>(0);
                p.subscribe(sub);
                Thread producer =
                        new Thread(
                                () -> {
                                    while (source.getNumberOfSubscribers() == 0
                                            && !source.isClosed()) {
                                        Thread.onSpinWait();
                                    }
                                    for (int i = 0;
                                            i < n && source.getNumberOfSubscribers() > 0;
                                            i++) {
                                        source.submit(i);
                                    }
                                    source.close();
                                });
                producer.start();
                while (sub.subscription == null) {
                    Thread.onSpinWait();
                }
                long asked = 0;
                boolean cancelled = false;
                while (sub.terminated.getCount() > 0) {
                    if (cancelAt >= 0 && sub.items.size() >= cancelAt) {
                        sub.subscription.cancel();
                        cancelled = true;
                        break;
                    }
                    if (asked <= sub.items.size()) {
                        int batch = 1 + random.nextInt(64);
                        asked += batch;
                        sub.itemsLatch = new CountDownLatch(1);
                        sub.request(batch);
                    }
                    sub.itemsLatch.await(1, TimeUnit.MILLISECONDS);
                }
                if (cancelled) {
                    // the source sees the cancellation through from's subscription: its producer
                    // ends
                    producer.join(10_000);
                    assertTrue(
                            !producer.isAlive(),
                            "round " + round + ": the source was never cancelled");
                } else {
                    sub.awaitTerminated();
                    assertTrue(sub.completed, "round " + round + ": " + sub.error);
                    assertEquals(n, sub.items.size(), "round " + round);
                    producer.join();
                }
                assertEquals(List.of(), sub.violations, "round " + round);
                List<Integer> items = sub.items;
                for (int i = 0; i < items.size(); i++) {
                    assertEquals(i, items.get(i), "round " + round);
                }
            }
        }
    }
}
