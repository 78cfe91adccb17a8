package dev.weft.internal.time;

/** A clock that moves only when a test tells it to. */
final class ManualClock implements Clock {
    long nanos = 1_000_000_000L;

    @Override
    public long nanoTime() {
        return nanos;
    }
}
