package dev.weft.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Async;
import dev.weft.AsyncRuntime;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.Poll;
import dev.weft.RuntimeThreads;
import dev.weft.internal.context.RuntimeHandle;
import dev.weft.internal.driver.Reactor;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One driver per runtime, in every driving mode: sleeps and sockets of a runtime go to the same
 * reactor, a runtime that only sleeps never opens a selector, and a sleep fires while a read
 * waits on the same driver with nothing else happening.
 */
class DriverSharingTest {

    /** Polls {@code inner}, remembering the reactor of the runtime it was polled on. */
    static <T> Future<T> noting(AtomicReference<Reactor> seen, Future<T> inner) {
        return new Future<T>() {
            @Override
            public Poll<T> poll(Context cx) {
                seen.set(RuntimeHandle.reactorOf(cx));
                return inner.poll(cx);
            }

            @Override
            public void cancel() {
                inner.cancel();
            }
        };
    }

    @ParameterizedTest
    @MethodSource("dev.weft.net.NetTest#executors")
    void aRuntimeThatOnlySleepsOpensNoSelector(String kind) {
        try (AsyncRuntime rt = NetTest.runtime(kind)) {
            AtomicReference<Reactor> seen = new AtomicReference<>();
            rt.blockOn(rt.spawn(noting(seen, Async.sleep(Duration.ofMillis(3)))));
            rt.blockOn(noting(seen, Async.sleep(Duration.ofMillis(3))));
            assertFalse(seen.get().hasSelector(), "timers alone must not cost an epoll descriptor");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.weft.net.NetTest#executors")
    void aSleepFiresWhileAReadWaitsOnTheSameDriver(String kind) throws Exception {
        try (AsyncRuntime rt = NetTest.runtime(kind)) {
            TcpListener l = NetTest.bindOn(rt);
            try (Socket peer = new Socket()) {
                peer.connect(l.localAddress());
                TcpStream s = rt.blockOn(l.accept());
                ByteBuffer b = ByteBuffer.allocate(1);
                AtomicReference<Reactor> readOn = new AtomicReference<>();
                var read = rt.spawn(noting(readOn, s.read(b)));
                NetTest.awaitTrue(rt, () -> s.source().reactor() != null, "read registered");
                // the read is parked in the selector; nothing but the timer can end the next wait
                AtomicReference<Reactor> sleptOn = new AtomicReference<>();
                rt.blockOn(rt.spawn(noting(sleptOn, Async.sleep(Duration.ofMillis(20)))));
                assertFalse(read.isDone(), "no byte was sent");
                assertSame(
                        s.source().reactor(),
                        sleptOn.get(),
                        "sleeps and sockets share the runtime's driver");
                assertTrue(sleptOn.get().hasSelector());
                OutputStream out = peer.getOutputStream();
                out.write(42);
                out.flush();
                rt.blockOn(read);
                assertArrayEquals(new byte[] {42}, b.array());
                s.close();
            }
            l.close();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.weft.net.NetTest#executors")
    void closingTheRuntimeWhileItsDriverSelectsClosesItsSockets(String kind) throws Exception {
        AsyncRuntime rt = NetTest.runtime(kind);
        TcpListener l = NetTest.bindOn(rt);
        try (Socket peer = new Socket()) {
            peer.connect(l.localAddress());
            TcpStream s = rt.blockOn(l.accept());
            var read = rt.spawn(s.read(ByteBuffer.allocate(1)));
            NetTest.awaitTrue(rt, () -> s.source().reactor() != null, "read registered");
            Reactor reactor = s.source().reactor();
            rt.close();
            // close() joins the workers and a dedicated driver thread with bounds that a loaded
            // machine can outlast (the socket is then closed by the driver's last turn, the
            // task cancelled by a worker): wait for those threads to end (a hang guard) first.
            RuntimeThreads.join(rt);
            assertTrue(read.isDone(), "the pending read's task was cancelled");
            assertTrue(
                    s.source().isClosed(),
                    "the reactor closed the socket still registered with it");
            assertFalse(reactor.metrics().selectorOpen(), "the selector was released");
            l.close();
        }
    }
}
