package dev.weft.internal.time;

/** A monotonic time source for a {@link TimerDriver}; tests inject a manual one. */
@FunctionalInterface
public interface Clock {

    /** The JVM's monotonic clock. */
    Clock SYSTEM = System::nanoTime;

    /** Monotonic nanoseconds from an arbitrary origin (as {@link System#nanoTime()}). */
    long nanoTime();
}
