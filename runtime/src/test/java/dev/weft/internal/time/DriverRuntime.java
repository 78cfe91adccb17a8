package dev.weft.internal.time;

import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.internal.context.RuntimeHandle;

/** A runtime that is only a timer driver: what the timer leaves need from a test. */
final class DriverRuntime implements RuntimeHandle {
    final TimerDriver driver;

    DriverRuntime(TimerDriver driver) {
        this.driver = driver;
    }

    @Override
    public <T> JoinHandle<T> spawn(Future<T> future) {
        throw new UnsupportedOperationException();
    }

    @Override
    public TimerDriver timers() {
        return driver;
    }
}
