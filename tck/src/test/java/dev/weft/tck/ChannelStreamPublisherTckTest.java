package dev.weft.tck;

import dev.weft.AsyncRuntime;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.sync.Channel;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.Flow;
import org.reactivestreams.tck.flow.FlowPublisherVerification;
import org.testng.annotations.AfterClass;

/**
 * The TCK's publisher rules for {@code AsyncStream.toPublisher(channel.stream())}, the channel
 * fed by another task through a small buffer: a stream that suspends on a real primitive and is
 * woken by a sender on another worker.
 */
public class ChannelStreamPublisherTckTest extends FlowPublisherVerification<Long> {

    private final AsyncRuntime rt =
            AsyncRuntime.builder().workers(2).threadNamePrefix("weft-tck-ch-").build();

    public ChannelStreamPublisherTckTest() {
        super(Tck.environment(), Tck.GC_MILLIS);
    }

    @AfterClass
    public void closeRuntime() {
        rt.close(); // also ends the producers of endless streams, parked on a full channel
    }

    @Override
    public Flow.Publisher<Long> createFlowPublisher(long elements) {
        Channel<Long> ch = Channel.bounded(4);
        rt.spawn(new Producer(ch, elements));
        return Tck.publisherOn(rt, ch.stream());
    }

    @Override
    public Flow.Publisher<Long> createFailedFlowPublisher() {
        return Tck.refusingPublisher(Channel.<Long>unbounded().stream());
    }

    /** Sends {@code 0 .. count-1}, then closes the channel; by hand. */
    private static final class Producer implements Future<Void> {
        private final Channel<Long> ch;
        private final long count;
        private long sent;
        private Future<Void> sending;

        Producer(Channel<Long> ch, long count) {
            this.ch = ch;
            this.count = count;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            try {
                while (sent < count) {
                    if (sending == null) {
                        sending = ch.send(sent);
                    }
                    if (!sending.poll(cx).isReady()) {
                        return Poll.pending();
                    }
                    sending = null;
                    sent++;
                }
            } catch (ClosedChannelException e) {
                return Poll.ready(null);
            }
            ch.close();
            return Poll.ready(null);
        }

        @Override
        public void cancel() {
            Future<Void> s = sending;
            if (s != null) {
                s.cancel();
            }
        }
    }
}
