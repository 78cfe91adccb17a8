package dev.weft.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Context;
import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.internal.context.CancelSignal;
import dev.weft.internal.context.Contexts;
import dev.weft.internal.context.RuntimeHandle;
import dev.weft.internal.driver.Reactor;
import dev.weft.internal.time.Clock;
import dev.weft.internal.time.TimerDriver;
import dev.weft.internal.time.TimerEntry;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The driver's protocol on its own (no scheduler): the select timeout comes from the next timer,
 * an earlier timer wakes a select that has no timeout, a later one wakes nothing, timers and
 * channels share one turn, and close ends a select in progress. Behaviour only: every wait below
 * is a hang guard, never a measurement.
 */
class ReactorTest {

    /** A runtime handle whose only job is to name the reactor leaf futures register with. */
    static Context contextOn(Reactor r, Runnable onWake) {
        RuntimeHandle h =
                new RuntimeHandle() {
                    @Override
                    public <T> JoinHandle<T> spawn(Future<T> future) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public TimerDriver timers() {
                        return r.timers();
                    }

                    @Override
                    public Reactor reactor() {
                        return r;
                    }
                };
        return Contexts.create(onWake::run, CancelSignal.NEVER, h);
    }

    static final class Latch extends TimerEntry {
        final CountDownLatch fired = new CountDownLatch(1);

        @Override
        protected void expire() {
            fired.countDown();
        }
    }

    static void awaitTrue(BooleanSupplier c, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("never happened: " + what);
            }
            Thread.sleep(1);
        }
    }

    /** Registers {@code source} for reads with {@code r}, so the selector exists and is selected. */
    static void armRead(IoSource source, Reactor r, Runnable onWake) throws Exception {
        source.arm(IoSource.IN, SelectionKey.OP_READ, contextOn(r, onWake), true);
    }

    @Test
    void aTimerArmedWhileTheDriverSelectsWithNoTimeoutFires() throws Exception {
        // Driven by a thread of the test's own (the dedicated thread's loop, started only once the
        // read is armed), so that "parked" can only mean "in the one select() with no timeout".
        // With a dedicated thread started at construction, arming the read unparks a driver that
        // may still be in its first park and leaves a selector wake-up pending: isParked() could
        // be seen in a turn that is about to end by itself, and a registration landing in the gap
        // before the next turn needs (and counts) no wake-up.
        Reactor r = Reactor.drivenByCaller(Clock.SYSTEM);
        Pipe pipe = Pipe.open();
        AtomicBoolean stop = new AtomicBoolean();
        Thread driver =
                new Thread(
                        () -> {
                            while (!stop.get()) {
                                r.drive(Long.MAX_VALUE, stop::get);
                            }
                        },
                        "weft-test-driver");
        try {
            armRead(new IoSource(pipe.source()), r, () -> {});
            driver.start();
            // no timer armed, nothing written: the driver's first turn is a select() with no
            // timeout
            awaitTrue(() -> r.owner() == driver && r.isParked(), "driver waiting in select");
            long before = r.metrics().wakeups();
            Latch t = new Latch();
            assertTrue(r.timers().register(t, TimeUnit.MILLISECONDS.toNanos(5)));
            assertTrue(t.fired.await(20, TimeUnit.SECONDS), "timer never fired");
            assertTrue(r.metrics().wakeups() > before, "the earlier deadline woke the select");
        } finally {
            stop.set(true);
            r.close();
            driver.join(20_000);
            pipe.sink().close();
        }
        assertFalse(driver.isAlive(), "driver thread left behind");
    }

    @Test
    void aLaterTimerWakesNobody() throws Exception {
        Reactor r = Reactor.withThread("weft-test-driver", Clock.SYSTEM);
        try {
            Latch soon = new Latch();
            assertTrue(r.timers().register(soon, TimeUnit.SECONDS.toNanos(3600)));
            awaitTrue(r::isParked, "driver waiting for the first timer");
            long before = r.metrics().wakeups();
            for (int i = 0; i < 100; i++) {
                assertTrue(r.timers().register(new Latch(), TimeUnit.SECONDS.toNanos(7200 + i)));
            }
            assertEquals(before, r.metrics().wakeups(), "later deadlines must not wake the driver");
            assertFalse(r.hasSelector(), "timers alone never open a selector");
        } finally {
            r.close();
        }
    }

    @Test
    void timersAndReadinessAreServedByOneTurnLoop() throws Exception {
        Reactor r = Reactor.drivenByCaller(Clock.SYSTEM);
        Pipe pipe = Pipe.open();
        try {
            CountDownLatch readable = new CountDownLatch(1);
            IoSource source = new IoSource(pipe.source());
            armRead(source, r, readable::countDown);
            Latch timer = new Latch();
            assertTrue(r.timers().register(timer, TimeUnit.MILLISECONDS.toNanos(2)));
            // one thread, no other: the timer needs the select to time out, the read needs
            // readiness
            while (timer.fired.getCount() > 0) {
                assertTrue(r.drive(Long.MAX_VALUE, () -> false));
            }
            assertEquals(1, readable.getCount(), "nothing was written yet");
            pipe.sink().write(ByteBuffer.wrap(new byte[] {7}));
            while (readable.getCount() > 0) {
                assertTrue(r.drive(Long.MAX_VALUE, () -> false));
            }
            assertSame(r, source.reactor());
        } finally {
            r.close();
            pipe.sink().close();
        }
    }

    @Test
    void closeEndsASelectInProgressAndFailsTheWaiter() throws Exception {
        for (boolean dedicated : new boolean[] {true, false}) {
            Reactor r =
                    dedicated
                            ? Reactor.withThread("weft-test-driver", Clock.SYSTEM)
                            : Reactor.drivenByCaller(Clock.SYSTEM);
            Pipe pipe = Pipe.open();
            AtomicBoolean stop = new AtomicBoolean();
            Thread caller =
                    dedicated
                            ? null
                            : new Thread(
                                    () -> {
                                        while (!stop.get()) {
                                            r.drive(Long.MAX_VALUE, stop::get);
                                        }
                                    },
                                    "weft-test-caller");
            if (caller != null) {
                caller.start();
            }
            CountDownLatch woken = new CountDownLatch(1);
            IoSource source = new IoSource(pipe.source());
            armRead(source, r, woken::countDown);
            // the known driving thread, not r.owner(): between two turns the token is free, so a
            // read of the owner right after seeing "parked" (possibly a turn about to end) can be
            // null
            Thread driving = dedicated ? r.thread() : caller;
            assertNotNull(driving);
            awaitTrue(
                    () -> r.hasSelector() && r.owner() == driving && r.isParked(),
                    "driver waiting in select");
            r.close();
            assertTrue(woken.await(20, TimeUnit.SECONDS), "the waiter was not woken by close");
            assertTrue(source.isClosed());
            assertThrows(
                    AsynchronousCloseException.class,
                    () ->
                            source.arm(
                                    IoSource.IN,
                                    SelectionKey.OP_READ,
                                    contextOn(r, () -> {}),
                                    true));
            if (dedicated) {
                driving.join(20_000);
                assertFalse(driving.isAlive(), "driver thread left behind");
            } else {
                stop.set(true);
                r.unpark();
                caller.join(20_000);
                assertFalse(caller.isAlive());
                assertTrue(r.drive(0, () -> false), "a closed reactor's turn is a no-op");
            }
            assertFalse(
                    r.metrics().selectorOpen(),
                    "the selector (and its descriptor) is released on close");
            pipe.sink().close();
        }
    }
}
