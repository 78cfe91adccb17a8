package dev.weft.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.AsyncRuntime;
import dev.weft.Context;
import dev.weft.Future;
import dev.weft.JoinHandle;
import dev.weft.Poll;
import dev.weft.internal.io.IoSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** dev.weft.net over the reactor, on both executors, against weft and JDK blocking peers. */
class NetTest {

    static final InetSocketAddress ANY = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    static Stream<String> executors() {
        return Stream.of("multi", "multi-worker-driven", "current");
    }

    /** multi: a dedicated driver thread; multi-worker-driven: idle workers drive the reactor. */
    static AsyncRuntime runtime(String kind) {
        switch (kind) {
            case "multi":
                return dev.weft.DriverModes.multi(2, "weft-worker-", false);
            case "multi-worker-driven":
                return dev.weft.DriverModes.multi(2, "weft-worker-", true);
            default:
                return AsyncRuntime.currentThread();
        }
    }

    /** A future that creates its inner future on first poll (so bind runs on a runtime thread). */
    static <T> Future<T> defer(Supplier<Future<T>> make) {
        return new Future<T>() {
            Future<T> inner;

            @Override
            public Poll<T> poll(Context cx) {
                if (inner == null) {
                    inner = make.get();
                }
                return inner.poll(cx);
            }

            @Override
            public void cancel() {
                if (inner != null) {
                    inner.cancel();
                }
            }
        };
    }

    static TcpListener bindOn(AsyncRuntime rt) {
        return rt.blockOn(
                defer(
                        () -> {
                            try {
                                return Future.ready(TcpListener.bind(ANY));
                            } catch (IOException e) {
                                return Future.failed(e);
                            }
                        }));
    }

    static byte[] readFully(AsyncRuntime rt, TcpStream s, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            int r = rt.blockOn(s.read(b));
            if (r < 0) {
                throw new IOException("EOF after " + b.position());
            }
        }
        return b.array();
    }

    /**
     * Drives the runtime (a current-thread runtime runs tasks only inside blockOn) until the
     * condition holds; bounded as a failure guard, not a timing assertion.
     */
    static void awaitTrue(AsyncRuntime rt, java.util.function.BooleanSupplier c, String what) {
        long end = System.nanoTime() + 20_000_000_000L;
        rt.blockOn(
                new Future<Void>() {
                    @Override
                    public Poll<Void> poll(Context cx) {
                        if (c.getAsBoolean()) {
                            return Poll.ready(null);
                        }
                        if (System.nanoTime() > end) {
                            throw new AssertionError("never happened: " + what);
                        }
                        Thread.yield();
                        cx.waker().wake();
                        return Poll.pending();
                    }
                });
    }

    static Throwable cause(Throwable t) {
        return t instanceof ExecutionException || t instanceof CompletionException
                ? t.getCause()
                : t;
    }

    @ParameterizedTest
    @MethodSource("executors")
    void echoRoundTripsWeftToWeft(String kind) throws Exception {
        try (AsyncRuntime rt = runtime(kind)) {
            TcpListener l = bindOn(rt);
            rt.spawn(new Echo.AcceptLoop(l));
            Random rnd = new Random(1);
            for (int c = 0; c < 5; c++) {
                TcpStream s = rt.blockOn(TcpStream.connect(l.localAddress()));
                assertEquals(l.localAddress(), s.remoteAddress());
                for (int i = 0; i < 20; i++) {
                    byte[] msg = new byte[1 + rnd.nextInt(100_000)];
                    rnd.nextBytes(msg);
                    // write concurrently with reading back: the echo would otherwise fill both
                    // windows
                    JoinHandle<Void> w = rt.spawn(s.writeAll(ByteBuffer.wrap(msg)));
                    assertArrayEquals(msg, readFully(rt, s, msg.length));
                    rt.blockOn(w);
                }
                s.close();
            }
            l.close();
        }
    }

    @ParameterizedTest
    @MethodSource("executors")
    void partialWritesWaitForASlowBlockingReader(String kind) throws Exception {
        try (AsyncRuntime rt = runtime(kind);
                ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            byte[] data = new byte[8 << 20];
            new Random(2).nextBytes(data);
            AtomicLong received = new AtomicLong();
            byte[] got = new byte[data.length];
            Thread reader =
                    new Thread(
                            () -> {
                                try (Socket peer = ss.accept();
                                        InputStream in = peer.getInputStream()) {
                                    byte[] chunk = new byte[4096];
                                    int off = 0;
                                    int n;
                                    while ((n = in.read(chunk)) > 0) {
                                        System.arraycopy(chunk, 0, got, off, n);
                                        off += n;
                                        received.set(off);
                                        if ((off & 0xFFFF) < 4096) {
                                            Thread.sleep(1); // slow: the sender's window fills and
                                            // writeAll waits
                                        }
                                    }
                                } catch (IOException | InterruptedException e) {
                                    throw new RuntimeException(e);
                                }
                            });
            reader.start();
            TcpStream s =
                    rt.blockOn(TcpStream.connect((InetSocketAddress) ss.getLocalSocketAddress()));
            ByteBuffer src = ByteBuffer.wrap(data);
            // a single write is partial: the socket buffer is far smaller than 8 MiB
            int first = rt.blockOn(s.write(src));
            assertTrue(first >= 1 && first < data.length, "partial write of " + first);
            rt.blockOn(s.writeAll(src));
            assertFalse(src.hasRemaining());
            s.close();
            reader.join();
            assertEquals(data.length, received.get());
            assertArrayEquals(data, got);
        }
    }

    @ParameterizedTest
    @MethodSource("executors")
    void halfCloseLetsThePeerAnswerAfterEndOfStream(String kind) throws Exception {
        try (AsyncRuntime rt = runtime(kind);
                ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread peer =
                    new Thread(
                            () -> {
                                try (Socket p = ss.accept()) {
                                    byte[] all = p.getInputStream().readAllBytes(); // until our FIN
                                    OutputStream out = p.getOutputStream();
                                    out.write(
                                            ("got " + all.length)
                                                    .getBytes(StandardCharsets.US_ASCII));
                                } catch (IOException e) {
                                    throw new RuntimeException(e);
                                }
                            });
            peer.start();
            TcpStream s =
                    rt.blockOn(TcpStream.connect((InetSocketAddress) ss.getLocalSocketAddress()));
            rt.blockOn(s.writeAll(ByteBuffer.wrap(new byte[12345])));
            s.shutdownOutput();
            ByteBuffer b = ByteBuffer.allocate(100);
            while (rt.blockOn(s.read(b)) >= 0) {
                // until the peer's FIN
            }
            assertEquals(
                    "got 12345", new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII));
            assertEquals(-1, rt.blockOn(s.read(b)));
            s.close();
            peer.join();
        }
    }

    @ParameterizedTest
    @MethodSource("executors")
    void peerResetFailsTheReadWithTheJdksIOException(String kind) throws Exception {
        try (AsyncRuntime rt = runtime(kind);
                ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            TcpStream s =
                    rt.blockOn(TcpStream.connect((InetSocketAddress) ss.getLocalSocketAddress()));
            JoinHandle<Integer> read = rt.spawn(s.read(ByteBuffer.allocate(10)));
            try (Socket p = ss.accept()) {
                p.setSoLinger(true, 0); // close sends RST
            }
            Throwable t = assertThrows(Exception.class, () -> rt.blockOn(read));
            assertInstanceOf(IOException.class, t);
            assertFalse(t instanceof AsynchronousCloseException, t.toString());
            s.close();
        }
    }

    @ParameterizedTest
    @MethodSource("executors")
    void connectRefusedIsConnectException(String kind) throws Exception {
        // A port held by a socket that is bound but never listens: refused for as long as the
        // socket is open. (A port freed by closing a listener could be taken by any process
        // before the connect, which would then succeed.)
        try (Socket bound = new Socket();
                AsyncRuntime rt = runtime(kind)) {
            bound.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            InetSocketAddress refusing = (InetSocketAddress) bound.getLocalSocketAddress();
            ConnectException e =
                    assertThrows(
                            ConnectException.class, () -> rt.blockOn(TcpStream.connect(refusing)));
            assertTrue(e.getMessage() != null, e.toString());
        }
    }

    @ParameterizedTest
    @MethodSource("executors")
    void cancellingAPendingReadRemovesItsWaiterAndReadinessIsKept(String kind) throws Exception {
        try (AsyncRuntime rt = runtime(kind);
                ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            TcpStream s =
                    rt.blockOn(TcpStream.connect((InetSocketAddress) ss.getLocalSocketAddress()));
            try (Socket p = ss.accept()) {
                JoinHandle<Integer> read = rt.spawn(s.read(ByteBuffer.allocate(10)));
                awaitTrue(
                        rt,
                        () -> (s.source().interestOps() & SelectionKey.OP_READ) != 0,
                        "read armed");
                assertTrue(s.source().hasWaiter(IoSource.IN));
                read.cancel();
                awaitTrue(rt, read::isDone, "cancelled");
                assertFalse(
                        s.source().hasWaiter(IoSource.IN), "the cancelled read's waker is gone");
                assertFalse(s.source().isReady(IoSource.IN), "the read found nothing: bit cleared");
                // data arriving with nobody waiting: the driver records readiness, and once the
                // selector reports it again with still nobody waiting, drops the interest (a
                // level-triggered selector would otherwise return at once forever)
                p.getOutputStream().write(7);
                awaitTrue(
                        rt, () -> s.source().interestOps() == 0, "interest dropped with no waiter");
                assertTrue(
                        s.source().isReady(IoSource.IN),
                        "the readiness that came with no waiter is kept");
                // the stream still works: the next read finds the byte without waiting
                long registeredBefore = s.source().reactor().metrics().registrations();
                ByteBuffer b = ByteBuffer.allocate(10);
                assertEquals(1, rt.blockOn(s.read(b)));
                assertEquals(7, b.get(0));
                // a short read clears the bit where the selecting thread runs the woken tasks; a
                // dedicated driver thread keeps it, so the next read tries first
                assertEquals(
                        kind.equals("multi"),
                        s.source().isReady(IoSource.IN),
                        "bit after a short read");
                assertEquals(registeredBefore, s.source().reactor().metrics().registrations());
                // and a read that must wait adds the interest back
                JoinHandle<Integer> again = rt.spawn(s.read(b));
                awaitTrue(
                        rt,
                        () -> (s.source().interestOps() & SelectionKey.OP_READ) != 0,
                        "read armed again");
                p.getOutputStream().write(8);
                assertEquals(1, rt.blockOn(again));
                assertEquals(8, b.get(1));
            }
            s.close();
        }
    }

    @ParameterizedTest
    @MethodSource("executors")
    @SuppressWarnings(
            "try") // the peer p stays open, unused, so that the read pends instead of ending
    void closeFailsPendingOperationsWithAsynchronousCloseException(String kind) throws Exception {
        try (AsyncRuntime rt = runtime(kind);
                ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            TcpStream s =
                    rt.blockOn(TcpStream.connect((InetSocketAddress) ss.getLocalSocketAddress()));
            try (Socket p = ss.accept()) {
                JoinHandle<Integer> read = rt.spawn(s.read(ByteBuffer.allocate(10)));
                awaitTrue(
                        rt,
                        () -> (s.source().interestOps() & SelectionKey.OP_READ) != 0,
                        "read armed");
                s.close();
                Throwable t = assertThrows(Exception.class, () -> rt.blockOn(read));
                assertInstanceOf(AsynchronousCloseException.class, t);
                // an operation started after close is the JDK's ClosedChannelException
                assertThrows(
                        ClosedChannelException.class,
                        () -> rt.blockOn(s.read(ByteBuffer.allocate(1))));
            }
            TcpListener l = bindOn(rt);
            JoinHandle<TcpStream> accept = rt.spawn(l.accept());
            awaitTrue(
                    rt,
                    () -> (l.source().interestOps() & SelectionKey.OP_ACCEPT) != 0,
                    "accept armed");
            l.close();
            Throwable t = assertThrows(Exception.class, () -> rt.blockOn(accept));
            assertInstanceOf(AsynchronousCloseException.class, t);
        }
    }

    @ParameterizedTest
    @MethodSource("executors")
    void udpRoundTrip(String kind) throws Exception {
        try (AsyncRuntime rt = runtime(kind)) {
            UdpSocket a = rt.blockOn(defer(() -> udp()));
            UdpSocket b = rt.blockOn(defer(() -> udp()));
            ByteBuffer in = ByteBuffer.allocate(100);
            JoinHandle<InetSocketAddress> rec = rt.spawn(b.receive(in));
            int sent =
                    rt.blockOn(
                            a.send(
                                    ByteBuffer.wrap("ping".getBytes(StandardCharsets.US_ASCII)),
                                    b.localAddress()));
            assertEquals(4, sent);
            assertEquals(a.localAddress(), rt.blockOn(rec));
            assertEquals(
                    "ping", new String(in.array(), 0, in.position(), StandardCharsets.US_ASCII));
            a.close();
            b.close();
        }
    }

    static Future<UdpSocket> udp() {
        try {
            return Future.ready(UdpSocket.bind(ANY));
        } catch (IOException e) {
            return Future.failed(e);
        }
    }
}
