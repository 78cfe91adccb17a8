package dev.weft.tck;

import dev.weft.AsyncRuntime;
import dev.weft.AsyncStream;
import dev.weft.Poll;
import java.util.concurrent.Flow;
import org.reactivestreams.tck.TestEnvironment;

/** What the TCK classes share: the environment's timeouts and publishers made on a runtime. */
final class Tck {

    /**
     * How long the TCK waits for an expected signal, and for the absence of one. Generous, as CI
     * machines are shared; the no-signal wait only bounds how long a test looks for a wrong
     * signal.
     */
    static final long TIMEOUT_MILLIS = 5_000;

    static final long NO_SIGNAL_MILLIS = 100;

    /** How often the TCK looks for an expected error (its default is the whole timeout). */
    static final long POLL_MILLIS = 10;

    /**
     * How long rule 3.13's test waits before it checks that the cancelled subscriber was
     * collected: the emission task must have run once after the cancel.
     */
    static final long GC_MILLIS = 1_000;

    private Tck() {}

    static TestEnvironment environment() {
        return new TestEnvironment(TIMEOUT_MILLIS, NO_SIGNAL_MILLIS, POLL_MILLIS);
    }

    /** {@code toPublisher(stream)}, called on a thread of {@code rt}, so that it drives the stream. */
    static <T> Flow.Publisher<T> publisherOn(AsyncRuntime rt, AsyncStream<T> stream) {
        return rt.blockOn(cx -> Poll.ready(AsyncStream.toPublisher(stream)));
    }

    /**
     * The failing publisher the TCK asks for: one that cannot serve. toPublisher made and
     * subscribed outside any weft runtime has no task to drive its stream, so it refuses its
     * subscriber with onSubscribe then onError (rule 1.9).
     */
    static <T> Flow.Publisher<T> refusingPublisher(AsyncStream<T> stream) {
        return AsyncStream.toPublisher(stream);
    }
}
