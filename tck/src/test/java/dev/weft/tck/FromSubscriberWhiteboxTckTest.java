package dev.weft.tck;

import dev.weft.AsyncStream;
import dev.weft.Context;
import dev.weft.Poll;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.tck.SubscriberWhiteboxVerification.SubscriberPuppet;
import org.reactivestreams.tck.SubscriberWhiteboxVerification.WhiteboxSubscriberProbe;
import org.reactivestreams.tck.flow.FlowSubscriberWhiteboxVerification;

/**
 * The TCK's subscriber rules, whitebox, for the subscriber behind {@code AsyncStream.from} with a
 * prefetch of 4. The probe sees every signal the subscriber received; the puppet is the stream's
 * consumer: its {@code triggerRequest(n)} takes up to {@code n} queued elements out of the
 * stream (taking is what makes this subscriber request more), its {@code signalCancel} is
 * {@code stream.cancel()}. All on the TCK's thread, the stream's one consumer.
 */
public class FromSubscriberWhiteboxTckTest extends FlowSubscriberWhiteboxVerification<Integer> {

    private static final Context CONSUMER = Context.of(() -> {});

    public FromSubscriberWhiteboxTckTest() {
        super(Tck.environment());
    }

    @Override
    public Integer createElement(int element) {
        return element;
    }

    @Override
    protected Flow.Subscriber<Integer> createFlowSubscriber(
            WhiteboxSubscriberProbe<Integer> probe) {
        AtomicReference<Flow.Subscriber<Integer>> caught = new AtomicReference<>();
        AsyncStream<Integer> stream =
                AsyncStream.from(
                        s -> caught.set(FromSubscriberBlackboxTckTest.castSubscriber(s)), 4);
        stream.hasNext().poll(CONSUMER); // subscribes
        return new Probed(caught.get(), stream, probe);
    }

    /** Forwards every signal to the stream's subscriber, then reports it to the probe. */
    private static final class Probed implements Flow.Subscriber<Integer> {
        private final Flow.Subscriber<Integer> inner;
        private final AsyncStream<Integer> stream;
        private final WhiteboxSubscriberProbe<Integer> probe;
        private boolean registered;

        Probed(
                Flow.Subscriber<Integer> inner,
                AsyncStream<Integer> stream,
                WhiteboxSubscriberProbe<Integer> probe) {
            this.inner = inner;
            this.stream = stream;
            this.probe = probe;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            inner.onSubscribe(
                    s); // a second subscription is cancelled there (rule 2.5): not reported
            if (registered) {
                return;
            }
            registered = true;
            probe.registerOnSubscribe(
                    new SubscriberPuppet() {
                        @Override
                        public void triggerRequest(long n) {
                            for (long i = 0; i < n; i++) {
                                Poll<Boolean> p = stream.hasNext().poll(CONSUMER);
                                if (!p.isReady() || !p.value()) {
                                    return;
                                }
                                stream.next();
                            }
                        }

                        @Override
                        public void signalCancel() {
                            stream.cancel();
                        }
                    });
        }

        @Override
        public void onNext(Integer item) {
            inner.onNext(item);
            probe.registerOnNext(item);
        }

        @Override
        public void onError(Throwable t) {
            inner.onError(t);
            probe.registerOnError(t);
        }

        @Override
        public void onComplete() {
            inner.onComplete();
            probe.registerOnComplete();
        }
    }
}
