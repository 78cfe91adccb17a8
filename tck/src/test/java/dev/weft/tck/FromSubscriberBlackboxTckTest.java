package dev.weft.tck;

import dev.weft.AsyncStream;
import dev.weft.Context;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.tck.flow.FlowSubscriberBlackboxVerification;

/**
 * The TCK's subscriber rules, blackbox, for the subscriber behind {@code AsyncStream.from}, with
 * a prefetch of 1 (demand replenished after every item).
 */
public class FromSubscriberBlackboxTckTest extends FlowSubscriberBlackboxVerification<Integer> {

    public FromSubscriberBlackboxTckTest() {
        super(Tck.environment());
    }

    @Override
    public Flow.Subscriber<Integer> createFlowSubscriber() {
        return subscriberBehind(1);
    }

    @Override
    public Integer createElement(int element) {
        return element;
    }

    /** The stream subscribes at its first hasNext(); {@code caught} then holds its subscriber. */
    private static Flow.Subscriber<Integer> subscriberBehind(int prefetch) {
        AtomicReference<Flow.Subscriber<Integer>> caught = new AtomicReference<>();
        AsyncStream<Integer> stream =
                AsyncStream.from(s -> caught.set(castSubscriber(s)), prefetch);
        stream.hasNext().poll(Context.of(() -> {}));
        return caught.get();
    }

    @SuppressWarnings("unchecked")
    static Flow.Subscriber<Integer> castSubscriber(Flow.Subscriber<? super Integer> s) {
        return (Flow.Subscriber<Integer>) s;
    }
}
