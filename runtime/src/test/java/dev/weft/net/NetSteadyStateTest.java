package dev.weft.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.AsyncRuntime;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.Waker;
import dev.weft.internal.driver.Reactor;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A steady-state echo (64-byte ping-pong from a blocking client thread) against the weft echo
 * server: every message arrives intact, and where the thread that selects also runs the woken
 * task (the current-thread runtime) no message changes the interest set or needs a selector
 * wake-up: the read re-arms while its interest is still registered. The multi-threaded modes
 * only report their counts: whether the driver selects again before the task consumes is a race
 * there (see internal.io's package-info).
 */
class NetSteadyStateTest {

    static final int WARMUP = 200;
    static final int MESSAGES = 2_000;

    /** Completes when {@link #complete} is called from any thread. */
    static final class Done implements Future<Void> {
        volatile boolean done;
        final AtomicReference<Waker> waker = new AtomicReference<>();

        void complete() {
            done = true;
            Waker w = waker.getAndSet(null);
            if (w != null) {
                w.wake();
            }
        }

        @Override
        public Poll<Void> poll(Context cx) {
            if (done) {
                return Poll.ready(null);
            }
            waker.set(cx.waker());
            return done ? Poll.ready(null) : Poll.pending();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.weft.net.NetTest#executors")
    @Timeout(120)
    void steadyStateEchoKeepsTheInterestAndWakesNothing(String kind) throws Exception {
        try (AsyncRuntime rt = NetTest.runtime(kind)) {
            TcpListener l = NetTest.bindOn(rt);
            rt.spawn(new Echo.AcceptLoop(l));
            Done done = new Done();
            long[] counts = new long[4];
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread client =
                    new Thread(
                            () -> {
                                try (Socket s =
                                        new Socket(
                                                l.localAddress().getAddress(),
                                                l.localAddress().getPort())) {
                                    s.setTcpNoDelay(true);
                                    OutputStream out = s.getOutputStream();
                                    DataInputStream in = new DataInputStream(s.getInputStream());
                                    byte[] msg = new byte[64];
                                    byte[] back = new byte[64];
                                    Reactor reactor = null;
                                    for (int i = 0; i < WARMUP + MESSAGES; i++) {
                                        if (i == WARMUP) {
                                            reactor = l.source().reactor();
                                            counts[0] = reactor.metrics().interestUpdates();
                                            counts[1] = reactor.metrics().wakeups();
                                        }
                                        java.util.Arrays.fill(msg, (byte) i);
                                        out.write(msg);
                                        in.readFully(back);
                                        assertArrayEquals(msg, back);
                                    }
                                    counts[2] = reactor.metrics().interestUpdates();
                                    counts[3] = reactor.metrics().wakeups();
                                } catch (Throwable t) {
                                    failed.set(t);
                                } finally {
                                    done.complete();
                                }
                            },
                            "steady-state-client");
            client.start();
            rt.blockOn(done);
            client.join();
            if (failed.get() != null) {
                throw new AssertionError(failed.get());
            }
            long updates = counts[2] - counts[0];
            long wakeups = counts[3] - counts[1];
            System.out.println(
                    "[measure] "
                            + kind
                            + ": "
                            + MESSAGES
                            + " echoes: "
                            + updates
                            + " interest changes, "
                            + wakeups
                            + " selector wake-ups");
            if (kind.equals("current")) {
                assertEquals(0, updates, "interest changes in a steady-state echo");
                assertEquals(0, wakeups, "selector wake-ups in a steady-state echo");
            }
            l.close();
        }
    }
}
