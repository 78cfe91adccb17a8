package dev.weft.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Context;
import dev.weft.DriverModes;
import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.Poll;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The only worker never goes idle (a task re-schedules itself forever), so in worker-driven mode
 * no worker ever parks on the reactor: readiness and timers must still arrive, through the poll
 * a busy worker makes every 61st tick. With a dedicated driver thread it holds trivially.
 */
class BusyWorkerIoTest {

    /** Yields forever until {@code stop}: keeps its worker busy without blocking it. */
    static Future<Void> spinUntil(AtomicBoolean stop) {
        return (Context cx) -> {
            if (stop.get()) {
                return Poll.ready(null);
            }
            cx.waker().wake();
            return Poll.pending();
        };
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void readinessAndTimersReachABusyRuntime(boolean workersDrive) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        try (AsyncRuntime rt = DriverModes.multi(1, "weft-busy-", workersDrive)) {
            TcpListener l = NetTest.bindOn(rt);
            try (Socket peer = new Socket()) {
                peer.connect(l.localAddress());
                TcpStream s = rt.blockOn(l.accept());
                JoinHandle<Void> spinner = rt.spawn(spinUntil(stop));
                ByteBuffer b = ByteBuffer.allocate(1);
                JoinHandle<Integer> read =
                        rt.spawn(
                                NetTest.defer(
                                        () -> {
                                            try {
                                                return s.read(b);
                                            } catch (java.io.IOException e) {
                                                return Future.failed(e);
                                            }
                                        }));
                JoinHandle<Void> slept = rt.spawn(Async.sleep(Duration.ofMillis(5)));
                OutputStream out = peer.getOutputStream();
                out.write(9);
                out.flush();
                rt.blockOn(read);
                rt.blockOn(slept);
                assertArrayEquals(new byte[] {9}, b.array());
                assertFalse(spinner.isDone(), "the worker stayed busy throughout");
                stop.set(true);
                rt.blockOn(spinner);
                s.close();
            }
            l.close();
        }
    }
}
