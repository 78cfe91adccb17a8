package dev.weft.tck;

/**
 * The TCK's publisher rules for {@code AsyncStream.toPublisher} over a stream whose every
 * {@code hasNext()} suspends and is woken from another thread: the pending path of the emission.
 */
public class SuspendingStreamPublisherTckTest extends StreamPublisherTckTest {

    @Override
    boolean suspending() {
        return true;
    }
}
