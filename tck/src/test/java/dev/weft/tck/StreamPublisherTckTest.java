package dev.weft.tck;

import dev.weft.AsyncRuntime;
import java.util.concurrent.Flow;
import org.reactivestreams.tck.flow.FlowPublisherVerification;
import org.testng.annotations.AfterClass;

/**
 * The TCK's publisher rules for {@code AsyncStream.toPublisher} over a stream whose
 * {@code hasNext()} is ready at once: the emission task's loop, demand and batching.
 */
public class StreamPublisherTckTest extends FlowPublisherVerification<Long> {

    final AsyncRuntime rt = AsyncRuntime.builder().workers(2).threadNamePrefix("weft-tck-").build();

    public StreamPublisherTckTest() {
        super(Tck.environment(), Tck.GC_MILLIS);
    }

    @AfterClass
    public void closeRuntime() {
        rt.close();
    }

    boolean suspending() {
        return false;
    }

    @Override
    public Flow.Publisher<Long> createFlowPublisher(long elements) {
        return Tck.publisherOn(rt, new CountingStream(elements, suspending()));
    }

    @Override
    public Flow.Publisher<Long> createFailedFlowPublisher() {
        return Tck.refusingPublisher(new CountingStream(3, suspending()));
    }
}
